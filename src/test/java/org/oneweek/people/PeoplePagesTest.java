package org.oneweek.people;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.web.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@OneweekTest
class PeoplePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@LocalServerPort
	int port;

	UserDetails admin() {
		return users.loadUserByUsername("admin");
	}

	@Test
	void administratorAddsAMemberWithUnavailableDates() throws Exception {
		String location = mvc
			.perform(post("/members/new").with(csrf())
				.with(user(admin()))
				.param("name", "欧阳修")
				.param("gender", "M")
				.param("birthYear", "1958")
				.param("retired", "true")
				.param("phone", "13600000001")
				.param("skills", "文书")
				.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(post(location + "/unavailability").with(csrf())
			.with(user(admin()))
			.param("from", "2027-01-10")
			.param("to", "2027-01-05"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("结束日期不能早于开始日期")));
		mvc.perform(post(location + "/unavailability").with(csrf())
			.with(user(admin()))
			.param("from", "2027-01-05")
			.param("to", "2027-01-10")
			.param("reason", "住院")).andExpect(status().is3xxRedirection());
		// the same form sent twice (a double tap) is one record
		mvc.perform(post(location + "/unavailability").with(csrf())
			.with(user(admin()))
			.param("from", "2027-01-05")
			.param("to", "2027-01-10")
			.param("reason", "住院")).andExpect(status().is3xxRedirection());
		long memberId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select count(*) from member_unavailability where member_id = ?")
			.param(memberId)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get(location).with(user(admin())))
			.andExpect(content().string(containsString("欧阳修")))
			.andExpect(content().string(containsString("2027-01-05 – 2027-01-10")))
			.andExpect(content().string(containsString("住院")));
	}

	@Test
	void aMemberFormWithSeveralMistakesShowsThemAll() throws Exception {
		mvc.perform(post("/members/new").with(csrf())
			.with(user(admin()))
			.param("name", "")
			.param("gender", "X")
			.param("birthYear", "nineteen")
			.param("phone", "13925001013"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写此项")))
			.andExpect(content().string(containsString("请填写整数")))
			.andExpect(content().string(containsString("格式不对")));
		mvc.perform(post("/members/new").with(csrf())
			.with(user(admin()))
			.param("name", "重号")
			.param("gender", "F")
			.param("birthYear", "1970")
			.param("phone", "13925001013"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已有党员使用这个电话号码")));
	}

	@Test
	void aMemberFormRefusesASevenDigitNumberAndFindsANumberSavedBeforeTheCheckTypedAnotherWay() throws Exception {
		mvc.perform(post("/members/new").with(csrf())
			.with(user(admin()))
			.param("name", "七位号")
			.param("gender", "F")
			.param("birthYear", "1970")
			.param("phone", "8540110"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("座机要带区号")));
		mvc.perform(post("/members/new").with(csrf())
			.with(user(admin()))
			.param("name", "字母号")
			.param("gender", "F")
			.param("birthYear", "1970")
			.param("phone", "abc13900000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这不是能打通的电话号码")));
		// a row saved when the phone was taken as typed, with spaces
		String digits = "1397" + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999));
		String typed = digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
		jdbc.sql("insert into member (name, gender, birth_year, phone) values ('旧格式', 'M', 1960, ?)")
			.param(typed)
			.update();
		mvc.perform(post("/members/new").with(csrf())
			.with(user(admin()))
			.param("name", "重号")
			.param("gender", "F")
			.param("birthYear", "1970")
			.param("phone", "+86 " + digits))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已有党员使用这个电话号码")));
		mvc.perform(get("/members").param("q", digits).with(user(admin())))
			.andExpect(content().string(containsString("旧格式")));
		String location = mvc
			.perform(post("/members/new").with(csrf())
				.with(user(admin()))
				.param("name", "座机党员")
				.param("gender", "M")
				.param("birthYear", "1960")
				.param("phone", "+86 25 8" + digits.substring(4))
				.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(jdbc.sql("select phone from member where id = ?")
			.param(Long.parseLong(location.replaceAll("\\D", "")))
			.query(String.class)
			.single()).isEqualTo("025-8" + digits.substring(4));
	}

	@Test
	void membersCanBeFoundByNameOrPhone() throws Exception {
		mvc.perform(get("/members").param("q", "陈国").with(user(admin())))
			.andExpect(content().string(containsString("陈国华")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("赵建军"))));
		mvc.perform(get("/members").param("q", "%").with(user(admin()))).andExpect(status().isOk());
	}

	@Test
	void administratorCreatesAnAccountThatCanLogIn() throws Exception {
		long member = jdbc.sql("select id from member where name = '李明'").query(Long.class).single();
		mvc.perform(post("/accounts/new").with(csrf())
			.with(user(admin()))
			.param("username", "liming")
			.param("displayName", "李明")
			.param("roles", "SECRETARY")
			.param("memberId", String.valueOf(member))
			.param("password", "李明的初始登录密码")).andExpect(status().is3xxRedirection());
		new WebClient(port).login("liming", "李明的初始登录密码");
	}

	@Test
	void aSecretaryAccountMustBeLinkedToAMember() throws Exception {
		mvc.perform(post("/accounts/new").with(csrf())
			.with(user(admin()))
			.param("username", "nomember")
			.param("displayName", "无")
			.param("roles", "SECRETARY")
			.param("password", "long-enough-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("必须关联一名党员")));
		assertThat(jdbc.sql("select count(*) from user_account where username = 'nomember'").query(Long.class).single())
			.isZero();
	}

	@Test
	void disablingAnAccountEndsItsSessionsEverywhere() throws Exception {
		WebClient member = new WebClient(port);
		member.login("member20", "oneweek-demo");
		assertThat(member.get("/").statusCode()).isEqualTo(200);
		long id = jdbc.sql("select id from user_account where username = 'member20'").query(Long.class).single();
		mvc.perform(post("/accounts/" + id + "/enabled").with(csrf()).with(user(admin())).param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(member.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebClient(port).login("member20", "oneweek-demo"))
			.isInstanceOf(IllegalStateException.class);
	}

}
