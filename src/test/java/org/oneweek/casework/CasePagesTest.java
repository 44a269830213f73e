package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Weeks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The morning-meeting form and the case page as the demo's people use them this week,
 * with access decided for every record.
 */
@OneweekTest
class CasePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseFunding funding;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	MockHttpServletRequestBuilder intake(String title, String key) {
		return intake(title, key, "13900001111");
	}

	MockHttpServletRequestBuilder intake(String title, String key, String phone) {
		return post("/cases/new").with(csrf())
			.param("villageId", String.valueOf(fixtures.villageId("DJ")))
			.param("source", "MORNING_MEETING")
			.param("type", "HELP")
			.param("category", "SANITATION")
			.param("urgency", "NORMAL")
			.param("title", title)
			.param("description", "河边垃圾点满了，味道很大")
			.param("location", "东江河堤")
			.param("reporterName", "李建国")
			.param("reporterPhone", phone)
			.param("reporterConsent", "true")
			.param("idempotencyKey", key);
	}

	String recordAsSecretary(String title) throws Exception {
		return (String) mvc
			.perform(intake(title, UUID.randomUUID().toString()).with(user(fixtures.principal("secretary"))))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("recordedReference"))
			.andReturn()
			.getFlashMap()
			.get("recordedReference");
	}

	@Test
	void theSecretaryRecordsAProblemAndSeesItsNumberAndPage() throws Exception {
		mvc.perform(get("/cases/new").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("东江村")))
			.andExpect(content().string(containsString("赵建军")));
		String reference = recordAsSecretary("河边垃圾堆放太久");
		assertThat(reference).matches("QX-\\d{4}-\\d{5,}");
		mvc.perform(get("/cases/" + reference).with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("河边垃圾堆放太久")))
			.andExpect(content().string(containsString("李建国")))
			.andExpect(content().string(containsString("13900001111")))
			.andExpect(content().string(containsString("已受理")));
	}

	@Test
	void sendingTheSameFormTwiceRecordsOneCase() throws Exception {
		String key = UUID.randomUUID().toString();
		AccountPrincipal secretary = fixtures.principal("secretary");
		String first = (String) mvc.perform(intake("路灯坏了（重复提交）", key).with(user(secretary)))
			.andReturn()
			.getFlashMap()
			.get("recordedReference");
		String second = (String) mvc.perform(intake("路灯坏了（重复提交）", key).with(user(secretary)))
			.andReturn()
			.getFlashMap()
			.get("recordedReference");
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from case_file where title = '路灯坏了（重复提交）'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void badInputIsExplainedAndNothingIsRecorded() throws Exception {
		mvc.perform(intake("", UUID.randomUUID().toString(), "call me").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请用一句话写下问题")))
			.andExpect(content().string(containsString("这不是能打通的电话号码")));
	}

	@Test
	void theIntakeFormRefusesASevenDigitNumberAndStoresAPlusEightySixOneInItsNationalForm() throws Exception {
		mvc.perform(
				intake("七位数电话", UUID.randomUUID().toString(), "8888666").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("座机要带区号")));
		mvc.perform(
				intake("字母电话", UUID.randomUUID().toString(), "139-CALL-ME").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这不是能打通的电话号码")));
		String mobile = recordWithPhone("+86 139 0000 1111");
		assertThat(jdbc
			.sql("select r.phone from case_reporter r join case_file c on c.id = r.case_id where c.reference = ?")
			.param(mobile)
			.query(String.class)
			.single()).isEqualTo("13900001111");
		String fixedLine = recordWithPhone("(0571) 8888 6666");
		assertThat(jdbc
			.sql("select r.phone from case_reporter r join case_file c on c.id = r.case_id where c.reference = ?")
			.param(fixedLine)
			.query(String.class)
			.single()).isEqualTo("0571-88886666");
	}

	String recordWithPhone(String phone) throws Exception {
		return (String) mvc
			.perform(intake("电话格式" + phone, UUID.randomUUID().toString(), phone)
				.with(user(fixtures.principal("secretary"))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("recordedReference");
	}

	@Test
	void theTroubleshooterReadsTheCaseButNotWhoReportedIt() throws Exception {
		String reference = recordAsSecretary("排水沟堵了");
		mvc.perform(get("/cases/" + reference).with(user(fixtures.principal("troubleshooter"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("排水沟堵了")))
			.andExpect(content().string(not(containsString("13900001111"))));
		mvc.perform(get("/cases/" + reference).with(user(fixtures.principal("committee"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13900001111")));
	}

	@Test
	void aUnitAndAnotherVillagesSecretaryGetForbidden() throws Exception {
		String reference = recordAsSecretary("低保三个月没发");
		mvc.perform(get("/cases/" + reference).with(user(fixtures.principal("unit"))))
			.andExpect(status().isForbidden());
		AccountPrincipal other = otherVillagesSecretaryThisWeek();
		mvc.perform(get("/cases/" + reference).with(user(other))).andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + reference + "/note").with(csrf()).with(user(other)).param("text", "我来看看"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/cases/new").with(user(fixtures.principal("unit")))).andExpect(status().isForbidden());
	}

	@Test
	void aUnitWorksOnTheCaseReferredToIt() throws Exception {
		String reference = recordAsSecretary("养老金没有到账");
		long unitId = jdbc.sql("select id from unit where code = 'MZJ'").query(Long.class).single();
		mvc.perform(post("/cases/" + reference + "/assign").with(csrf())
			.with(user(fixtures.principal("secretary")))
			.param("kind", "UNIT")
			.param("unitId", String.valueOf(unitId)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("messageKey", "case.done.ASSIGN"));
		AccountPrincipal unit = fixtures.principal("unit");
		mvc.perform(get("/cases/" + reference).with(user(unit)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13900001111"))));
		mvc.perform(post("/cases/" + reference + "/start").with(csrf()).with(user(unit)))
			.andExpect(flash().attribute("messageKey", "case.done.START"));
		mvc.perform(post("/cases/" + reference + "/note").with(csrf())
			.with(user(unit))
			.param("text", "已核实，下月补发")
			.param("progress", "60")).andExpect(flash().attribute("messageKey", "case.done.NOTE"));
		// a unit neither assigns nor closes
		mvc.perform(post("/cases/" + reference + "/decline").with(csrf()).with(user(unit)).param("reason", "不归我们"))
			.andExpect(status().isForbidden());
		assertThat(cases.byReference(reference).orElseThrow().progress()).isEqualTo(60);
	}

	@Test
	void aSecretaryWhoseTermEndedReadsWhatTheyRecordedButCannotChangeIt() throws Exception {
		// a member who served last week somewhere, recording a case then
		LocalDate lastWeek = Weeks.mondayOf(LocalDate.now(clock)).minusWeeks(1);
		String username = jdbc.sql("""
				select a.username from term t join term_member tm on tm.term_id = t.id
				join user_account a on a.member_id = tm.member_id
				where t.week_start = ? and 'SECRETARY' = any(a.roles)
				  and not exists (select 1 from term t2 join term_member tm2 on tm2.term_id = t2.id
				                  where tm2.member_id = tm.member_id and t2.week_start = ?)
				  and not exists (select 1 from troubleshooter_duty d where d.member_id = tm.member_id
				                  and d.week_start = ?)
				order by a.id limit 1""")
			.params(lastWeek, lastWeek.plusWeeks(1), lastWeek.plusWeeks(1))
			.query(String.class)
			.single();
		AccountPrincipal former = fixtures.principal(username);
		long village = jdbc.sql("""
				select t.village_id from term t join term_member tm on tm.term_id = t.id
				where tm.member_id = ? and t.week_start = ?""")
			.params(former.memberId().value(), lastWeek)
			.query(Long.class)
			.single();
		Instant then = CaseFixtures.tuesdayMorning(lastWeek);
		String reference = intake.record(CaseFixtures.intake(village, "上周记录的问题").toCommand(), former, then).reference();
		mvc.perform(get("/cases/" + reference).with(user(former)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("上周记录的问题")))
			.andExpect(content().string(containsString("任期已结束")));
		mvc.perform(post("/cases/" + reference + "/note").with(csrf()).with(user(former)).param("text", "补充"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + reference + "/decline").with(csrf()).with(user(former)).param("reason", "x"))
			.andExpect(status().isForbidden());
		assertThat(cases.events(cases.byReference(reference).orElseThrow().id())).hasSize(1);
	}

	@Test
	void anIllegalStepIsRefusedInWords() throws Exception {
		String reference = recordAsSecretary("桥头路面塌陷");
		mvc.perform(post("/cases/" + reference + "/resolve").with(csrf())
			.with(user(fixtures.principal("secretary")))
			.param("text", "修好了"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "case.refused.RESOLVE"));
		mvc.perform(get("/cases/QX-2026-999999999").with(user(fixtures.principal("admin"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyLedgerPageSpeaksEnglishWhenAsked() throws Exception {
		String reference = recordAsSecretary("English check");
		AccountPrincipal secretary = fixtures.principal("secretary");
		mvc.perform(get("/cases/new?lang=en").with(user(secretary)))
			.andExpect(content().string(containsString("Record a villager")))
			.andExpect(content().string(containsString("Morning meeting")));
		mvc.perform(get("/cases/" + reference + "?lang=en").with(user(secretary)))
			.andExpect(content().string(containsString("Received (Morning meeting)")))
			.andExpect(content().string(containsString("Resolution due")))
			.andExpect(content().string(not(containsString("??"))));
		mvc.perform(get("/cases?lang=en&q=English").with(user(secretary)))
			.andExpect(content().string(containsString("Case inquiries")))
			.andExpect(content().string(containsString(reference)));
		mvc.perform(get("/cases/mine?lang=en").with(user(secretary)))
			.andExpect(content().string(containsString("Cases I recorded")));
	}

	@Test
	void theDepartmentSeesAndActsOnEveryCase() throws Exception {
		String reference = recordAsSecretary("组织部可见");
		mvc.perform(get("/cases/" + reference).with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13900001111")));
		mvc.perform(post("/cases/" + reference + "/decline").with(csrf())
			.with(user(fixtures.principal("admin")))
			.param("reason", "重复反映，已在其他事项中处理")).andExpect(flash().attribute("messageKey", "case.done.DECLINE"));
	}

	@Test
	void theDepartmentNarrowsTheLedgerToAStreetAndChoosesAmongItsVillages() throws Exception {
		String reference = recordAsSecretary("按街道查询");
		long township = jdbc.sql("select township_id from case_file where reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
		long other = jdbc.sql("select id from township where id <> ? order by id limit 1")
			.param(township)
			.query(Long.class)
			.optional()
			.orElse(-1L);
		mvc.perform(get("/cases").param("q", "按街道查询")
			.param("township", String.valueOf(township))
			.with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(reference)))
			.andExpect(content().string(containsString("name=\"township\"")))
			.andExpect(content().string(containsString("东江")));
		mvc.perform(get("/cases").param("q", "按街道查询")
			.param("township", String.valueOf(other))
			.with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(reference))));
	}

	AccountPrincipal otherVillagesSecretaryThisWeek() {
		LocalDate monday = Weeks.mondayOf(LocalDate.now(clock));
		String username = jdbc
			.sql("""
					select a.username from term t join term_member tm on tm.term_id = t.id
					join user_account a on a.member_id = tm.member_id
					join village v on v.id = t.village_id
					where t.week_start = ? and v.code <> 'DJ' and 'SECRETARY' = any(a.roles)
					  and not exists (select 1 from troubleshooter_duty d where d.member_id = tm.member_id and d.week_start = ?)
					order by a.id limit 1""")
			.params(monday, monday)
			.query(String.class)
			.single();
		return fixtures.principal(username);
	}

}
