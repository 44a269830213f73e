package org.oneweek.diary;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.CaseSource;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseId;
import org.oneweek.people.MemberId;
import org.oneweek.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The diary through its services on a real PostgreSQL, with time passed in: the day's
 * cases filled in, closing at the end of the next day, amendments, who reads what.
 */
@OneweekTest
class DiaryTest {

	@Autowired
	Diaries diaries;

	@Autowired
	MorningMeetings meetings;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseFunding funding;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CaseFixtures.ZONE).toInstant();
	}

	static WriteDiary written(String done) {
		return new WriteDiary("村委会，河堤", 6, null, null, done, null, "明天去老石桥");
	}

	Team team() {
		return fixtures.team(fixtures.newVillage("JA"), fixtures.freshMonday());
	}

	CaseId record(Team team, AccountPrincipal who, String title, Instant when, CaseSource source) {
		return record(team, who, title, when, source, null);
	}

	CaseId record(Team team, AccountPrincipal who, String title, Instant when, CaseSource source,
			@Nullable MeetingId meetingId) {
		IntakeForm form = CaseFixtures.intake(team.villageId(), title);
		form.setSource(source);
		form.setMeetingId(Ids.value(meetingId));
		return intake.record(form.toCommand(), who, when).id();
	}

	@Test
	void theCasesASecretaryRecordedThatDayAreLinkedToTheDiaryAndOthersAreOffered() {
		Team team = team();
		LocalDate tuesday = team.monday().with(DayOfWeek.TUESDAY);
		CaseId first = record(team, team.lead(), "河边垃圾堆放", at(tuesday, 9, 10), CaseSource.MORNING_MEETING);
		CaseId second = record(team, team.lead(), "老石桥护栏松动", at(tuesday, 9, 40), CaseSource.MORNING_MEETING);
		CaseId teammates = record(team, team.people().get(1), "路灯不亮", at(tuesday, 10, 0), CaseSource.PHONE);
		CaseId nextDay = record(team, team.lead(), "排水沟堵了", at(tuesday.plusDays(1), 9, 0), CaseSource.PHONE);

		DiaryDay day = diaries.own(team.lead(), tuesday, at(tuesday, 20, 0));
		assertThat(day.cases()).extracting((lc) -> lc.c().id()).containsExactly(first, second);
		assertThat(day.cases()).allMatch(LinkedCase::automatic);
		assertThat(day.otherCases()).extracting((c) -> c.id()).containsExactly(teammates);
		assertThat(day.status()).isEqualTo(DayStatus.OPEN_EMPTY);

		diaries.save(team.lead(), tuesday, written("记录了七个问题"), at(tuesday, 20, 5));
		diaries.addCase(team.lead(), tuesday, referenceOf(teammates), at(tuesday, 20, 6));
		DiaryDay saved = diaries.own(team.lead(), tuesday, at(tuesday, 20, 7));
		assertThat(saved.status()).isEqualTo(DayStatus.OPEN_WRITTEN);
		assertThat(saved.cases()).extracting((lc) -> lc.c().id()).containsExactlyInAnyOrder(first, second, teammates);
		assertThat(saved.cases()).filteredOn((lc) -> lc.c().id().equals(teammates))
			.singleElement()
			.matches((lc) -> !lc.automatic());
		assertThat(saved.cases()).extracting((lc) -> lc.c().id()).doesNotContain(nextDay);
		assertThat(jdbc.sql("select count(*) from diary_case where entry_id = ?")
			.param(saved.entry().id())
			.query(Long.class)
			.single()).isEqualTo(3);

		// added by hand, removed by hand; the day's own stay
		diaries.removeCase(team.lead(), tuesday, teammates, at(tuesday, 20, 8));
		diaries.removeCase(team.lead(), tuesday, first, at(tuesday, 20, 8));
		assertThat(diaries.own(team.lead(), tuesday, at(tuesday, 20, 9)).cases()).extracting((lc) -> lc.c().id())
			.containsExactly(first, second);
	}

	@Test
	void theProblemsOfAMeetingAreInTheDiariesOfThoseWhoWereThere() {
		Team team = team();
		LocalDate wednesday = team.monday().with(DayOfWeek.WEDNESDAY);
		AccountPrincipal present = team.people().get(1);
		AccountPrincipal absent = team.people().get(2);
		CaseId before = record(team, present, "垂钓者车辆堵路", at(wednesday, 8, 40), CaseSource.MORNING_MEETING);
		RecordMeeting meeting = new RecordMeeting(wednesday, "东江村村委会", 42, "老人 12 人，渔民 5 人", null,
				List.of(team.lead().memberId(), present.memberId()));
		MeetingId meetingId = meetings.record(meeting, team.lead(), at(wednesday, 8, 45));
		// recorded from the meeting's page: the case carries the meeting's id
		CaseId after = record(team, team.lead(), "三次停水没有通知", at(wednesday, 9, 5), CaseSource.MORNING_MEETING,
				meetingId);
		CaseId phone = record(team, team.lead(), "电话反映低保", at(wednesday, 15, 0), CaseSource.PHONE);

		// the ledger tells the diary after its transaction (at once, or a moment later)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meetings.meeting(meetingId).orElseThrow().caseIds())
				.containsExactlyInAnyOrder(before, after));
		assertThat(diaries.own(present, wednesday, at(wednesday, 21, 0)).cases()).extracting((lc) -> lc.c().id())
			.containsExactlyInAnyOrder(before, after);
		assertThat(diaries.own(team.lead(), wednesday, at(wednesday, 21, 0)).cases()).extracting((lc) -> lc.c().id())
			.containsExactlyInAnyOrder(before, after, phone);
		assertThat(diaries.own(absent, wednesday, at(wednesday, 21, 0)).cases()).isEmpty();
	}

	@Test
	void aDiaryClosesAtTheEndOfTheNextDayAndThenOnlyTakesDatedAmendments() {
		Team team = team();
		LocalDate monday = team.monday();
		AccountPrincipal lead = team.lead();
		diaries.save(lead, monday, written("第一次晨会"), at(monday, 20, 0));
		diaries.save(lead, monday, written("第一次晨会，改过"), at(monday.plusDays(1), 23, 59));
		assertThatThrownBy(() -> diaries.amend(lead, monday, "补充", at(monday.plusDays(1), 23, 59)))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("diary.amend.stillOpen");

		Instant closed = at(monday.plusDays(2), 0, 0);
		assertThatThrownBy(() -> diaries.save(lead, monday, written("想改"), closed))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("diary.closed");
		assertThatThrownBy(() -> diaries.addCase(lead, monday, "QX-2031-00001", closed))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("diary.closed");

		diaries.amend(lead, monday, "护栏的事忘了写：下午已联系街道", at(monday.plusDays(3), 8, 15));
		DiaryDay day = diaries.own(lead, monday, at(monday.plusDays(3), 9, 0));
		assertThat(day.status()).isEqualTo(DayStatus.WRITTEN);
		assertThat(day.entry().done()).isEqualTo("第一次晨会，改过");
		assertThat(day.amendments()).singleElement().satisfies((a) -> {
			assertThat(a.text()).isEqualTo("护栏的事忘了写：下午已联系街道");
			assertThat(a.writtenAt()).isEqualTo(at(monday.plusDays(3), 8, 15));
			assertThat(a.authorName()).isEqualTo(lead.displayName());
		});
		assertThatThrownBy(() -> jdbc.sql("update diary_amendment set text = 'x' where entry_id = ?")
			.param(day.entry().id())
			.update()).hasMessageContaining("never changed");
	}

	@Test
	void aDayNotYetComeCannotBeWrittenAndAMissingDayCanOnlyBeAmended() {
		Team team = team();
		LocalDate thursday = team.monday().with(DayOfWeek.THURSDAY);
		assertThatThrownBy(() -> diaries.save(team.lead(), thursday, written("提前写"), at(thursday.minusDays(1), 21, 0)))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("diary.future");
		Instant later = at(thursday.plusDays(2), 10, 0);
		assertThat(diaries.own(team.lead(), thursday, later).status()).isEqualTo(DayStatus.MISSING);
		diaries.amend(team.lead(), thursday, "那天在街道开会，没有写", later);
		DiaryDay day = diaries.own(team.lead(), thursday, later);
		assertThat(day.status()).isEqualTo(DayStatus.MISSING);
		assertThat(day.amendments()).hasSize(1);
	}

	@Test
	void onlyTheTeamItsVillagesLaterTeamsAndTheDepartmentReadADiary() {
		long village = fixtures.newVillage("JA");
		LocalDate monday = fixtures.freshMonday();
		Team earlier = fixtures.team(village, monday);
		Team later = fixtures.team(village, monday.plusWeeks(1), earlier);
		// (nobody of the other village's team serves the week after: it is asked below to
		// write for a day it does not serve)
		Team elsewhere = fixtures.team(fixtures.newVillage("QS"), monday, later);
		LocalDate tuesday = monday.with(DayOfWeek.TUESDAY);
		diaries.save(earlier.lead(), tuesday, written("走访六户"), at(tuesday, 20, 0));
		Instant now = at(tuesday.plusWeeks(1), 12, 0);
		MemberId author = earlier.lead().memberId();

		assertThat(diaries.read(earlier.people().get(2), author, tuesday, now).entry().done()).isEqualTo("走访六户");
		assertThat(diaries.read(later.lead(), author, tuesday, now).entry().done()).isEqualTo("走访六户");
		assertThat(diaries.read(fixtures.principal("admin"), author, tuesday, now).entry()).isNotNull();
		// (the other village's team is that week, so none of them is on the earlier team)
		AccountPrincipal otherVillage = elsewhere.people()
			.stream()
			.filter((p) -> later.people().stream().noneMatch((q) -> q.memberId().equals(p.memberId())))
			.findFirst()
			.orElseThrow();
		// teams are drawn from all members, so the demo secretary may be on one of them
		List<MemberId> entitled = java.util.stream.Stream.concat(earlier.people().stream(), later.people().stream())
			.map(AccountPrincipal::memberId)
			.toList();
		for (AccountPrincipal stranger : java.util.stream.Stream
			.of(otherVillage, fixtures.principal("committee"), fixtures.principal("unit"),
					fixtures.principal("secretary"))
			.filter((p) -> p.memberId() == null || !entitled.contains(p.memberId()))
			.toList()) {
			assertThatThrownBy(() -> diaries.read(stranger, author, tuesday, now)).as(stranger.getUsername())
				.isInstanceOf(DiaryAccessDeniedException.class);
		}
		// a team reads its village's previous teams, not the ones after it
		diaries.save(later.lead(), tuesday.plusWeeks(1), written("接手上期"), at(tuesday.plusWeeks(1), 20, 0));
		assertThatThrownBy(() -> diaries.read(earlier.lead(), later.lead().memberId(), tuesday.plusWeeks(1),
				at(tuesday.plusWeeks(1), 21, 0)))
			.isInstanceOf(DiaryAccessDeniedException.class);
		// nobody writes another's diary, nor one for a day they do not serve
		assertThatThrownBy(() -> diaries.save(elsewhere.lead(), tuesday.plusWeeks(1), written("不是我的任期"),
				at(tuesday.plusWeeks(1), 20, 0)))
			.isInstanceOf(DiaryAccessDeniedException.class);
	}

	String referenceOf(CaseId caseId) {
		return jdbc.sql("select reference from case_file where id = ?")
			.param(caseId.value())
			.query(String.class)
			.single();
	}

}
