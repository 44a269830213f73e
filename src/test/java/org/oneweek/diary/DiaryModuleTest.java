package org.oneweek.diary;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Handovers;
import org.oneweek.casework.LedgerWorld;
import org.oneweek.casework.LedgerWorld.Team;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diary with the modules it stands on and nothing else (no demo data, no pages): how
 * it reacts to what the ledger tells it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DiaryModuleTest {

	@Autowired
	BeanFactory beans;

	@Autowired
	CaseIntake intake;

	@Autowired
	Handovers handovers;

	@Autowired
	MorningMeetings meetings;

	@Autowired
	HandoverReports reports;

	LedgerWorld world;

	@BeforeEach
	void world() {
		world = LedgerWorld.in(beans);
	}

	@Test
	void aProblemRecordedFromAMeetingsPageJoinsThatMeetingAndNoOther(Scenario scenario) {
		long village = world.village("晨会村");
		Team team = world.team(village, LedgerWorld.monday(0));
		Instant tuesday = team.tuesday();
		MeetingId meetingId = meetings.record(new RecordMeeting(team.monday().with(DayOfWeek.TUESDAY), "村委会", 30, null,
				null, List.of(team.lead().memberId())), team.lead(), tuesday);
		RecordCase heard = RecordCase.of(VillageId.of(village), "OTHER", "河边垃圾堆放").atMeeting(meetingId.value());

		scenario.stimulate(() -> intake.record(heard, team.lead(), tuesday.plusSeconds(600)))
			.andWaitForEventOfType(CaseRecorded.class)
			.matching((e) -> Long.valueOf(meetingId.value()).equals(e.meetingId()))
			.toArriveAndVerify(
					(e) -> assertThat(meetings.meeting(meetingId).orElseThrow().caseIds()).containsExactly(e.caseId()));

		// the same source without the meeting's id is not guessed into it
		RecordCase elsewhere = RecordCase.of(VillageId.of(village), "OTHER", "路灯不亮")
			.withSource(CaseSource.MORNING_MEETING);
		scenario.stimulate(() -> intake.record(elsewhere, team.lead(), tuesday.plusSeconds(900)))
			.andWaitForEventOfType(CaseRecorded.class)
			.matching((e) -> e.meetingId() == null && e.villageId().equals(VillageId.of(village)))
			.toArriveAndVerify(
					(e) -> assertThat(meetings.meeting(meetingId).orElseThrow().caseIds()).doesNotContain(e.caseId()));
	}

	@Test
	void aHandOverMadeOnTheLedgersPageFixesTheTermsReportOnceItCommits(Scenario scenario) {
		long village = world.village("移交村");
		Team first = world.team(village, LedgerWorld.monday(0));
		Team next = world.team(village, first.monday().plusWeeks(1));
		intake.record(RecordCase.of(VillageId.of(village), "OTHER", "涵洞漏水"), first.lead(), first.tuesday());
		Instant sunday = first.tuesday().plus(Duration.ofDays(5));

		scenario.stimulate(() -> handovers.handOver(new HandOverCases(first.termId(), "请继续跟进"), first.lead(), sunday))
			.andWaitForStateChange(() -> reports.status(first.termId()).handedOver(), Boolean::booleanValue)
			.andVerify((handedOver) -> {
				HandoverReports.Status status = reports.status(first.termId());
				assertThat(status.toTermId()).isEqualTo(next.termId());
				assertThat(reports.page(first.lead(), first.termId(), sunday).report().toString()).contains("涵洞漏水");
			});
	}

	@Test
	void aHandOverMadeFromTheReportFixesItInTheSameTransactionAndIsNotAnnounced(Scenario scenario,
			PublishedEvents events) {
		long village = world.village("报告村");
		Team first = world.team(village, LedgerWorld.monday(0));
		Team next = world.team(village, first.monday().plusWeeks(1));
		intake.record(RecordCase.of(VillageId.of(village), "OTHER", "排水沟堵塞"), first.lead(), first.tuesday());
		Instant sunday = first.tuesday().plus(Duration.ofDays(5));

		scenario.stimulate(() -> reports.handOver(first.lead(), first.termId(), sunday))
			.andWaitForStateChange(() -> reports.status(first.termId()).handedOver(), Boolean::booleanValue)
			.andVerify((handedOver) -> assertThat(reports.status(first.termId()).toTermId()).isEqualTo(next.termId()));
		assertThat(events.ofType(CasesHandedOver.class).matching((e) -> e.fromTermId().equals(first.termId())))
			.isEmpty();
	}

}
