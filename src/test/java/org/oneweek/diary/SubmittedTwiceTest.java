package org.oneweek.diary;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.Urgency;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Weeks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A meeting, an inspection or a finding sent twice — a double tap, or the phone's outbox
 * sending again after its answer was lost to a bad signal — is recorded once; two
 * different sendings stay two.
 */
@OneweekTest
class SubmittedTwiceTest {

	@Autowired
	MorningMeetings meetings;

	@Autowired
	Inspections inspections;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CaseFixtures.ZONE).toInstant();
	}

	static <T> List<T> atOnce(int times, Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(times);
		try {
			List<Callable<T>> all = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				all.add(work);
			}
			List<T> results = new ArrayList<>();
			for (Future<T> f : pool.invokeAll(all)) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMeetingSentFourTimesAtOnceWithOneKeyIsOneMeetingAndAnotherKeyIsAnother() throws Exception {
		Team team = fixtures.team(fixtures.newVillage("JA"), fixtures.freshMonday());
		LocalDate wednesday = team.monday().with(DayOfWeek.WEDNESDAY);
		AccountPrincipal lead = team.lead();
		RecordMeeting meeting = new RecordMeeting(wednesday, "村委会", 30, null, null, List.of(lead.memberId()));
		String key = UUID.randomUUID().toString();
		List<MeetingId> ids = atOnce(4, () -> meetings.record(meeting, key, lead, at(wednesday, 9, 0)));
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(meetings.record(meeting, key, lead, at(wednesday, 9, 30))).isEqualTo(ids.get(0));
		assertThat(count("morning_meeting", team)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from morning_meeting_member where meeting_id = ?")
			.param(ids.get(0).value())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// another key, or none, is another meeting; the same key of another person too
		assertThat(meetings.record(meeting, UUID.randomUUID().toString(), lead, at(wednesday, 10, 0)))
			.isNotEqualTo(ids.get(0));
		meetings.record(meeting, lead, at(wednesday, 10, 5));
		meetings.record(meeting, lead, at(wednesday, 10, 6));
		assertThat(meetings.record(meeting, key, team.people().get(1), at(wednesday, 10, 7))).isNotEqualTo(ids.get(0));
		assertThat(count("morning_meeting", team)).isEqualTo(5);

		// no form makes a key this long: refused, nothing recorded
		assertThatThrownBy(() -> meetings.record(meeting, "k".repeat(101), lead, at(wednesday, 11, 0)))
			.isInstanceOfSatisfying(DiaryRuleException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("diary.form.keyInvalid"));
		assertThat(count("morning_meeting", team)).isEqualTo(5);
	}

	@Test
	void anInspectionAndItsFindingSentAgainAreRecordedOnceAndMakeOneCase() throws Exception {
		Team team = fixtures.team(fixtures.newVillage("QS"), fixtures.freshMonday());
		LocalDate thursday = team.monday().with(DayOfWeek.THURSDAY);
		AccountPrincipal lead = team.lead();
		RecordInspection walk = new RecordInspection(thursday, "河堤 → 老石桥", null, null, List.of(lead.memberId()));
		String key = UUID.randomUUID().toString();
		List<InspectionId> ids = atOnce(3, () -> inspections.record(walk, key, lead, at(thursday, 14, 0)));
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(count("inspection", team)).isEqualTo(1);

		RecordFinding finding = new RecordFinding("老石桥护栏两处松动", null, "老石桥", FindingOutcome.NEW_CASE, "OTHER",
				Urgency.NORMAL, null);
		String findingKey = UUID.randomUUID().toString();
		List<Long> findings = atOnce(3,
				() -> inspections.addFinding(ids.get(0), finding, null, findingKey, lead, at(thursday, 14, 20)));
		assertThat(findings).containsOnly(findings.get(0));
		assertThat(jdbc.sql("select count(*) from inspection_finding where inspection_id = ?")
			.param(ids.get(0).value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from case_file where village_id = ? and title = ?")
			.params(team.villageId(), "老石桥护栏两处松动")
			.query(Integer.class)
			.single()).as("one case from the finding").isEqualTo(1);

		// a second finding, with its own key, is a second one
		inspections.addFinding(ids.get(0), new RecordFinding("路灯不亮", null, null, FindingOutcome.NOTE, null, null, null),
				null, UUID.randomUUID().toString(), lead, at(thursday, 14, 30));
		assertThat(jdbc.sql("select count(*) from inspection_finding where inspection_id = ?")
			.param(ids.get(0).value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theMeetingFormCarriesAKeyAndPostedTwiceRecordsOneMeeting() throws Exception {
		LocalDate today = LocalDate.now(clock);
		Team team = fixtures.team(fixtures.newVillage("HB"), Weeks.mondayOf(today));
		AccountPrincipal me = team.lead();
		String page = mvc.perform(get("/diary/meetings/new").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = hidden(page, "idempotencyKey");
		assertThat(key).hasSizeGreaterThan(20);
		String again = mvc.perform(get("/diary/meetings/new").with(user(me)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hidden(again, "idempotencyKey")).as("each showing of the form its own key").isNotEqualTo(key);

		List<String> places = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			MvcResult posted = mvc
				.perform(post("/diary/meetings/new").with(csrf())
					.with(user(me))
					.param("idempotencyKey", key)
					.param("day", today.toString())
					.param("place", "村委会二楼")
					.param("attendees", "42")
					.param("memberIds", String.valueOf(me.memberId())))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			places.add(posted.getResponse().getRedirectedUrl());
		}
		assertThat(places.get(1)).isEqualTo(places.get(0));
		assertThat(count("morning_meeting", team)).isEqualTo(1);
		// a key no form makes: the form again, saying so, and nothing recorded
		String refused = mvc
			.perform(post("/diary/meetings/new").with(csrf())
				.with(user(me))
				.param("idempotencyKey", "k".repeat(101))
				.param("day", today.toString())
				.param("place", "村委会二楼")
				.param("memberIds", String.valueOf(me.memberId())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("提交编号无效");
		assertThat(count("morning_meeting", team)).isEqualTo(1);

		// the inspection form and the finding form carry theirs too
		String inspection = mvc.perform(get("/diary/inspections/new").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hidden(inspection, "idempotencyKey")).hasSizeGreaterThan(20);
	}

	static String hidden(String html, String name) {
		Matcher m = Pattern
			.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\""
					+ name + "\"")
			.matcher(html);
		assertThat(m.find()).as("a hidden " + name).isTrue();
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

	int count(String table, Team team) {
		return jdbc.sql("select count(*) from " + table + " where term_id = ?")
			.param(team.termId().value())
			.query(Integer.class)
			.single();
	}

}
