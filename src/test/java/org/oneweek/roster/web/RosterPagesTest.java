package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneweek.OneweekTest;
import org.oneweek.platform.Weeks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster's pages as people use them: a member's roster and calendar, the organization
 * department's settings, schedules and imports, and bad input answered with a message,
 * never an error page.
 */
@OneweekTest
class RosterPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserDetails as(String username) {
		return users.loadUserByUsername(username);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource({ "admin, /roster, zh-CN", "admin, /roster, en", "admin, /roster/plan, zh-CN", "admin, /roster/plan, en",
			"admin, /roster/schedules, en", "admin, /roster/settings, en", "admin, /roster/changes, en",
			"admin, /imports/unavailability, en", "admin, /imports/village-schedules, en", "secretary, /my/roster, en",
			"secretary, /my/roster, zh-CN", "secretary, /, en" })
	void everyTextOfTheRosterPagesIsTranslated(String username, String page, String language) throws Exception {
		String html = mvc.perform(get(page).param("lang", language).with(user(as(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("??").contains("lang=\"" + language + "\"");
		if ("en".equals(language)) {
			assertThat(html.replaceAll("<[^>]*>", "")).as("no Chinese left but names of places and people")
				.doesNotContainPattern("[排班发布规则党员工作组]{2}");
		}
	}

	@Test
	void aSecretarySeesTheirTermTeamAndVillageWithAPlaceForItsOpenCases() throws Exception {
		String page = mvc.perform(get("/my/roster").with(user(as("secretary"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("东江村")
			.contains("赵建军")
			.contains("孙丽娟")
			.contains("刘芳")
			.contains("查看该村民情台账中尚未办结的事项")
			.contains("/cases/ledger?village=");
	}

	@Test
	void aMemberSubscribesToACalendarAtASecretAddressThatANewAddressReplaces() throws Exception {
		MvcResult created = mvc.perform(post("/my/roster/calendar").with(user(as("secretary"))).with(csrf()))
			.andExpect(redirectedUrl("/my/roster"))
			.andReturn();
		String url = (String) created.getFlashMap().get("calendarUrl");
		String path = url.substring(url.indexOf("/calendar/"));

		String feed = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String monday = Weeks.mondayOf(LocalDate.now(clock)).toString().replace("-", "");
		assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n")
			.endsWith("END:VCALENDAR\r\n")
			.contains("BEGIN:VEVENT")
			.contains("DTSTART;VALUE=DATE:" + monday)
			.contains("SUMMARY:一周书记：东江村（组长）");
		assertThat(feed.lines()).allMatch((line) -> line.getBytes(StandardCharsets.UTF_8).length <= 75);

		mvc.perform(post("/my/roster/calendar").with(user(as("secretary"))).with(csrf()));
		mvc.perform(get(path)).andExpect(status().isNotFound());
		mvc.perform(get("/calendar/not-a-real-secret-at-all-123.ics")).andExpect(status().isNotFound());
	}

	@Test
	void theCalendarKeepsItsUidsCountsChangesInSequenceAndAnswers304WhileNothingChanged() throws Exception {
		MvcResult created = mvc.perform(post("/my/roster/calendar").with(user(as("secretary"))).with(csrf()))
			.andReturn();
		String url = (String) created.getFlashMap().get("calendarUrl");
		String path = url.substring(url.indexOf("/calendar/"));
		MvcResult first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		ICalendar calendar = Biweekly.parse(first.getResponse().getContentAsString(StandardCharsets.UTF_8)).first();
		assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString())
			.isTrue();
		String installation = jdbc.sql("select id::text from installation").query(String.class).single();
		VEvent term = calendar.getEvents()
			.stream()
			.filter((e) -> e.getUid().getValue().startsWith("term-"))
			.findFirst()
			.orElseThrow();
		String uid = term.getUid().getValue();
		long memberId = users.loadUserByUsername("secretary") instanceof org.oneweek.people.AccountPrincipal p
				? p.memberId().value() : -1;
		assertThat(uid).matches("term-\\d+-" + memberId + "@" + installation);
		long termId = Long.parseLong(uid.replaceAll("^term-(\\d+)-.*$", "$1"));
		int sequence = term.getSequence().getValue();

		// asked again: the same bytes, so the same ETag, and 304 for a client that has
		// them
		mvc.perform(get(path)).andExpect(header().string("ETag", etag));
		MvcResult notModified = mvc.perform(get(path).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andReturn();
		assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
		mvc.perform(get(path).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());

		// the term changes: its SEQUENCE goes up, its UID stays, and the old ETag no
		// longer holds
		LocalDate week = jdbc.sql("select week_start from term where id = ?")
			.param(termId)
			.query(LocalDate.class)
			.single();
		jdbc.sql("insert into roster_change (kind, term_id, week_start, actor) values ('LEAD', ?, ?, 'test')")
			.params(termId, week)
			.update();
		MvcResult changed = mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isOk()).andReturn();
		assertThat(changed.getResponse().getHeader("ETag")).isNotEqualTo(etag);
		VEvent after = Biweekly.parse(changed.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.first()
			.getEvents()
			.stream()
			.filter((e) -> e.getUid().getValue().equals(uid))
			.findFirst()
			.orElseThrow();
		assertThat(after.getSequence().getValue()).isEqualTo(sequence + 1);
		assertThat(after.getDateTimeStamp().getValue()).isAfterOrEqualTo(term.getDateTimeStamp().getValue());
	}

	@Test
	void anAccountWithoutAMemberHasNoRosterToChange() throws Exception {
		mvc.perform(get("/my/roster").with(user(as("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("没有关联党员")));
		mvc.perform(post("/my/roster/calendar").with(user(as("admin"))).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void preferredWeeksMustLieAhead() throws Exception {
		LocalDate past = LocalDate.now(clock).minusWeeks(2);
		LocalDate ahead = Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(7);
		mvc.perform(post("/my/roster/preferences").param("week", past.toString())
			.with(user(as("troubleshooter")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.preferences.invalid"));
		mvc.perform(post("/my/roster/preferences").param("week", "not-a-date")
			.with(user(as("troubleshooter")))
			.with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/my/roster/preferences").param("week", ahead.plusDays(3).toString())
			.with(user(as("troubleshooter")))
			.with(csrf())).andExpect(flash().attribute("messageKey", "common.saved"));
		assertThat(jdbc
			.sql("select week_start from roster_preference where member_id = "
					+ "(select member_id from user_account where username = 'troubleshooter')")
			.query(LocalDate.class)
			.list()).containsExactly(ahead);
	}

	@Test
	void badInputOnThePlannerGetsAMessageAndChangesNothing() throws Exception {
		mvc.perform(get("/roster/plan").param("from", "yesterday").with(user(as("admin"))))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/roster/runs").with(user(as("admin"))).with(csrf()))
			.andExpect(flash().attribute("errorKey", "roster.range.required"));
		mvc.perform(post("/roster/runs").param("from", "2020-01-06")
			.param("to", "2020-03-30")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.range.past"));
		mvc.perform(post("/roster/runs").param("from", "2090-03-30")
			.param("to", "2090-01-06")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.range.order"));
		mvc.perform(post("/roster/plan/swap").param("a", "t:x:1")
			.param("b", "d:999999:1")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.slot.changed"));
		mvc.perform(post("/roster/plan/publish").param("from", "2090-01-06")
			.param("to", "2091-06-01")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.range.tooLong"));
		mvc.perform(get("/roster/runs/999999").with(user(as("admin")))).andExpect(status().isNotFound());
	}

	@Test
	void aSecretaryCannotPlanOrSwap() throws Exception {
		mvc.perform(post("/roster/plan/swap").param("a", "t:1:1")
			.param("b", "t:2:2")
			.with(user(as("secretary")))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/roster/runs").with(user(as("secretary"))).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void settingsOutOfRangeAreRefusedAndChangeNothing() throws Exception {
		String before = jdbc.sql("select max_terms_per_quarter || working_days from roster_settings")
			.query(String.class)
			.single();
		mvc.perform(post("/roster/settings").param("day", "MONDAY")
			.param("maxTermsPerQuarter", "0")
			.param("spreadWeeks", "4")
			.param("timeLimitSeconds", "30")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.settings.max"));
		mvc.perform(post("/roster/settings").param("maxTermsPerQuarter", "5")
			.param("spreadWeeks", "4")
			.param("timeLimitSeconds", "30")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.settings.days"));
		assertThat(jdbc.sql("select max_terms_per_quarter || working_days from roster_settings")
			.query(String.class)
			.single()).isEqualTo(before);
	}

	@Test
	void aVillageScheduleIsAddedAndRemoved() throws Exception {
		long village = jdbc.sql("select id from village where code = 'SP'").query(Long.class).single();
		mvc.perform(post("/roster/schedules").param("village", String.valueOf(village))
			.param("first", "2091-03-07")
			.param("last", "2091-02-01")
			.param("every", "2")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("errorKey", "roster.schedule.order"));
		mvc.perform(post("/roster/schedules").param("village", String.valueOf(village))
			.param("first", "2091-03-07")
			.param("last", "2091-06-01")
			.param("every", "2")
			.with(user(as("admin")))
			.with(csrf())).andExpect(flash().attribute("messageKey", "common.saved"));
		Long id = jdbc.sql("select id from village_schedule where village_id = ? and first_week = '2091-03-05'")
			.param(village)
			.query(Long.class)
			.single();
		mvc.perform(get("/roster/schedules").with(user(as("admin"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2091-03-05 至 2091-06-03")));
		mvc.perform(post("/roster/schedules/" + id + "/remove").with(user(as("admin"))).with(csrf()));
		assertThat(jdbc.sql("select count(*) from village_schedule where id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void unavailableDatesAreImportedAllOrNothing() throws Exception {
		String phone = jdbc.sql("select phone from member where name = '李明'").query(String.class).single();
		String bad = "手机号,姓名,开始日期,结束日期,原因\r\n" + phone + ",李明,2091/5/7,2091/5/11,外出\r\n"
				+ "13900000000,,2091-05-07,2091-05-01,\r\n" + phone + ",王明,2091年6月1日,2091-13-01,\r\n";
		String preview = upload("unavailability", bad);
		String page = mvc.perform(get(preview).with(user(as("admin")))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("没有手机号为 13900000000 的党员")
			.contains("结束日期不能早于开始日期")
			.contains("与该手机号登记的姓名“李明”不一致")
			.contains("“2091-13-01”不是有效日期");
		mvc.perform(post(preview + "/apply").with(user(as("admin"))).with(csrf()))
			.andExpect(flash().attribute("errorKey", "import.error.hasErrors"));
		assertThat(awayCount(phone)).isZero();

		String good = "手机号,开始日期,结束日期\r\n" + phone + ",2091/5/7,2091/5/11\r\n";
		mvc.perform(post(upload("unavailability", good) + "/apply").with(user(as("admin"))).with(csrf()))
			.andExpect(redirectedUrl("/members"));
		assertThat(awayCount(phone)).isOne();
	}

	@Test
	void villageSchedulesAreImported() throws Exception {
		String bad = "村编码,开始日期,间隔周数,结束日期\r\nNOPE,2092-01-05,2,\r\nHW,2092-01-05,每周三次,\r\n";
		String preview = upload("village-schedules", bad);
		assertThat(mvc.perform(get(preview).with(user(as("admin")))).andReturn().getResponse().getContentAsString())
			.contains("没有编码为 NOPE 的村")
			.contains("频率“每周三次”无法识别");
		String good = "村编码,开始日期,间隔周数,结束日期\r\nHW,2092-01-07,隔周,2092-06-30\r\nLS,2092/1/9,每3周,\r\n";
		mvc.perform(post(upload("village-schedules", good) + "/apply").with(user(as("admin"))).with(csrf()))
			.andExpect(redirectedUrl("/roster/schedules"));
		assertThat(jdbc.sql("""
				select v.code || ' ' || s.first_week || ' ' || s.every_weeks || ' ' || coalesce(s.last_week::text, '-')
				from village_schedule s join village v on v.id = s.village_id where s.first_week >= '2092-01-01'
				order by v.code""").query(String.class).list()).containsExactly("HW 2092-01-07 2 2092-06-30",
				"LS 2092-01-07 3 -");
	}

	private String upload(String kind, String csv) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", kind + ".csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		return mvc.perform(multipart("/imports/" + kind).file(file).with(user(as("admin"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private long awayCount(String phone) {
		return jdbc.sql("""
				select count(*) from member_unavailability u join member m on m.id = u.member_id
				where m.phone = ? and u.from_date = '2091-05-07'""").param(phone).query(Long.class).single();
	}

}
