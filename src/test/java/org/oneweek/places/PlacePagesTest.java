package org.oneweek.places;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@OneweekTest
class PlacePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	UserDetails admin() {
		return users.loadUserByUsername("admin");
	}

	long townshipId(String code) {
		return jdbc.sql("select id from township where code = ?").param(code).query(Long.class).single();
	}

	@Test
	void administratorCreatesAVillageAndSeesIt() throws Exception {
		String location = mvc
			.perform(post("/places/villages/new").with(csrf())
				.with(user(admin()))
				.param("townshipId", String.valueOf(townshipId("JA")))
				.param("code", "NEW-V1")
				.param("name", "新建村")
				.param("kind", "VILLAGE")
				.param("population", "880")
				.param("committeePhone", "025-88889999")
				.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新建村")))
			.andExpect(content().string(containsString("880")));
		assertThat(jdbc.sql("select count(*) from audit_log where entity = 'village' and action = 'create'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void badInputIsExplainedFieldByFieldAndChangesNothing() throws Exception {
		long before = jdbc.sql("select count(*) from village").query(Long.class).single();
		mvc.perform(post("/places/villages/new").with(csrf())
			.with(user(admin()))
			.param("townshipId", String.valueOf(townshipId("JA")))
			.param("code", "坏 编码")
			.param("name", "")
			.param("kind", "VILLAGE")
			.param("population", "-5")
			.param("committeePhone", "call me"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("编码只能用字母、数字")))
			.andExpect(content().string(containsString("请填写此项")))
			.andExpect(content().string(containsString("不能是负数")))
			.andExpect(content().string(containsString("这不是能打通的电话号码")));
		mvc.perform(post("/places/villages/new").with(csrf())
			.with(user(admin()))
			.param("townshipId", "99999999")
			.param("code", "DJ")
			.param("name", "重复")
			.param("kind", "VILLAGE")
			.param("population", "lots"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写整数")))
			.andExpect(content().string(containsString("所选内容不存在")));
		mvc.perform(post("/places/villages/new").with(csrf())
			.with(user(admin()))
			.param("townshipId", "-1")
			.param("code", "NEGT")
			.param("name", "负数街道的村")
			.param("kind", "VILLAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("所选内容不存在")));
		mvc.perform(post("/places/villages/new").with(csrf())
			.with(user(admin()))
			.param("townshipId", String.valueOf(townshipId("JA")))
			.param("code", "DJ")
			.param("name", "重复")
			.param("kind", "NOT_A_KIND"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Exception"))));
		mvc.perform(post("/places/villages/new").with(csrf())
			.with(user(admin()))
			.param("townshipId", String.valueOf(townshipId("JA")))
			.param("code", "DJ")
			.param("name", "重复")
			.param("kind", "VILLAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这个编码已被使用")));
		assertThat(jdbc.sql("select count(*) from village").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aVillagesCodeCannotChangeOnceCreated() throws Exception {
		long id = jdbc.sql("select id from village where code = 'HW'").query(Long.class).single();
		mvc.perform(post("/places/villages/" + id + "/edit").with(csrf())
			.with(user(admin()))
			.param("townshipId", String.valueOf(townshipId("JA")))
			.param("code", "CHANGED")
			.param("name", "河湾村")
			.param("kind", "VILLAGE")
			.param("population", "1851")
			.param("active", "true")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select code from village where id = ?").param(id).query(String.class).single())
			.isEqualTo("HW");
		assertThat(jdbc.sql("select population from village where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1851);
	}

	@Test
	void aWrongFieldIsMarkedAndReadWithItsHintAndError() throws Exception {
		// the edit page has {id} in its path, which the page's model holds as "id" too
		long id = jdbc.sql("select id from village where code = 'HW'").query(Long.class).single();
		String page = mvc.perform(get("/places/villages/" + id + "/edit").with(user(admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<label for=\"code\">", "<label for=\"name\">");
		assertThat(tag(page, "input", "code")).contains("aria-describedby=\"code-hint\"", "readonly")
			.doesNotContain("aria-invalid");
		assertThat(page).contains("<p id=\"code-hint\" class=\"hint\">");
		assertThat(tag(page, "input", "name")).doesNotContain("aria-invalid", "aria-describedby");

		String wrong = mvc
			.perform(post("/places/villages/" + id + "/edit").with(csrf())
				.with(user(admin()))
				.param("townshipId", String.valueOf(townshipId("JA")))
				.param("code", "HW")
				.param("name", "")
				.param("kind", "VILLAGE")
				.param("population", "-5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tag(wrong, "input", "name")).contains("aria-invalid=\"true\"", "aria-describedby=\"name-error\"");
		assertThat(wrong).contains("<p id=\"name-error\" class=\"field-error\">请填写此项。</p>",
				"<p id=\"population-error\" class=\"field-error\">不能是负数。</p>");
		assertThat(tag(wrong, "input", "code")).contains("aria-describedby=\"code-hint\"")
			.doesNotContain("aria-invalid");
	}

	/** The start tag of the element with this id. */
	static String tag(String html, String element, String id) {
		Matcher tag = Pattern.compile("<" + element + "\\s[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("<%s id=\"%s\">", element, id).isTrue();
		return tag.group();
	}

	@Test
	void unknownOrMalformedIdsAreNotFoundOrBadRequestNeverAServerError() throws Exception {
		mvc.perform(get("/places/villages/987654321").with(user(admin()))).andExpect(status().isNotFound());
		mvc.perform(get("/places/villages/abc").with(user(admin()))).andExpect(status().isBadRequest());
		mvc.perform(get("/places/villages/0").with(user(admin()))).andExpect(status().isNotFound());
		mvc.perform(get("/places/townships/-4/edit").with(user(admin()))).andExpect(status().isNotFound());
		mvc.perform(get("/places/townships/99999999/edit").with(user(admin()))).andExpect(status().isNotFound());
		mvc.perform(get("/members/xyz").with(user(admin()))).andExpect(status().isBadRequest());
		mvc.perform(get("/imports/places/not-a-uuid").with(user(admin()))).andExpect(status().isBadRequest());
		mvc.perform(get("/imports/nothing").with(user(admin()))).andExpect(status().isNotFound());
	}

}
