package org.oneweek.diary;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.CaseForms.AssignForm;
import org.oneweek.casework.web.CaseForms.FundingForm;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.web.CaseForms.NoteForm;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Escalations;
import org.oneweek.casework.Handover;
import org.oneweek.casework.Handovers;
import org.oneweek.diary.HandoverReport.Item;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseId;
import org.oneweek.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over report of a term as in the story's week: inherited cases, cases heard,
 * one solved with a welder, one with district funding, one referred to a unit, one
 * escalated, one declined; the team's notes; the hand-over that fixes it, and the next
 * lead's acknowledgement.
 */
@OneweekTest
class HandoverReportTest {

	@Autowired
	HandoverReports reports;

	@Autowired
	Diaries diaries;

	@Autowired
	MorningMeetings meetings;

	@Autowired
	Inspections inspections;

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
	Escalations escalations;

	@Autowired
	Handovers handovers;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 0)).atZone(CaseFixtures.ZONE).toInstant();
	}

	String record(Team team, AccountPrincipal who, String title, String category, Instant when) {
		IntakeForm form = CaseFixtures.intake(team.villageId(), title);
		form.setCategory(category);
		return intake.record(form.toCommand(), who, when).reference();
	}

	static NoteForm note(String text) {
		NoteForm form = new NoteForm();
		form.setText(text);
		return form;
	}

	static AssignForm assign(AssigneeKind kind, Long memberId, Long unitId) {
		AssignForm form = new AssignForm();
		form.setKind(kind);
		form.setMemberId(memberId);
		form.setUnitId(unitId);
		return form;
	}

	@Test
	void theReportSaysWhatWasHeardSolvedAndLeftOpenAndIsFixedAtTheHandOver() {
		long village = fixtures.newVillage("JA");
		LocalDate monday = fixtures.freshMonday();
		Team previous = fixtures.team(village, monday);
		Team team = fixtures.team(village, monday.plusWeeks(1));
		Team next = fixtures.team(village, monday.plusWeeks(2));
		AccountPrincipal lead = team.lead();
		AccountPrincipal second = team.people().get(1);

		// the previous team leaves two open cases
		String culvert = record(previous, previous.lead(), "涵洞漏水", "WATER", previous.tuesday());
		String ditch = record(previous, previous.lead(), "排水沟纠纷", "NEIGHBOURS", previous.tuesday());
		handovers.handOver(new HandOverCases(previous.termId(), null), previous.lead(),
				at(previous.monday().plusDays(6), 17));

		LocalDate tuesday = team.monday().with(DayOfWeek.TUESDAY);
		Instant morning = at(tuesday, 9);
		String garbage = record(team, lead, "河边垃圾堆放", "SANITATION", morning);
		String railing = record(team, lead, "老石桥护栏松动", "BRIDGES", morning.plusSeconds(60));
		String road = record(team, lead, "进城道路坑洼", "ROADS", morning.plusSeconds(120));
		String allowance = record(team, lead, "养老金三个月没发", "SOCIAL_SECURITY", morning.plusSeconds(180));
		String parking = record(team, lead, "周末垂钓车辆堵路", "PARKING", morning.plusSeconds(240));

		actions.assign(railing, assign(AssigneeKind.SECRETARY, Ids.value(second.memberId()), null).toCommand(), lead,
				at(tuesday, 11));
		actions.start(railing, "已联系街道", second, at(tuesday, 12));
		NoteForm welded = note("街道派焊工加固护栏");
		actions.resolve(railing, welded.toResolution(), second, at(tuesday.plusDays(1), 15));
		actions.assign(culvert, assign(AssigneeKind.SECRETARY, Ids.value(lead.memberId()), null).toCommand(), lead,
				at(tuesday, 11));
		actions.start(culvert, null, lead, at(tuesday, 12));
		actions.resolve(culvert, note("水务局修复涵洞").toResolution(), lead, at(tuesday.plusDays(2), 10));
		long civilAffairs = jdbc.sql("select id from unit where code = 'MZJ'").query(Long.class).single();
		actions.assign(allowance, assign(AssigneeKind.UNIT, null, civilAffairs).toCommand(), lead, at(tuesday, 14));
		actions.start(allowance, "已电话联系老人", fixtures.principal("unit"), at(tuesday, 15));
		actions.assign(road, assign(AssigneeKind.SECRETARY, Ids.value(lead.memberId()), null).toCommand(), lead,
				at(tuesday, 11));
		actions.start(road, "已向街道报告", lead, at(tuesday, 12));
		actions.note(road, note("四月开工，街道负责监理").toNote(), lead, at(tuesday.plusDays(2), 9));
		FundingForm money = new FundingForm();
		money.setAmount(new BigDecimal("86000"));
		money.setSource("区财政");
		money.setApprovedBy("区政府");
		funding.request(road, money.toRequest(), lead, at(tuesday, 16));
		// the district approved it: the organization department records that
		funding.approve(road, money.toApproval(), fixtures.principal("admin"), at(tuesday.plusDays(2), 11));
		actions.decline(parking, "已由交警设置标志", lead, at(tuesday, 17));
		// nobody contacted the villager about the garbage (due Wednesday evening), nor
		// about the ditch the week before
		escalations.run(at(tuesday.plusDays(2), 10));

		MeetingId meetingId = meetings.record(new RecordMeeting(tuesday, "村委会", 42, null, null, List.of()), lead,
				at(tuesday, 8));
		InspectionId inspectionId = inspections.record(
				new RecordInspection(tuesday, "河堤 → 进城道路 → 老石桥", "街道城管科王科长", null, List.of()), lead, at(tuesday, 14));
		inspections.addFinding(inspectionId,
				new RecordFinding("护栏两处松动，桥面有裂缝", null, null, FindingOutcome.LINK, null, null, railing), null, lead,
				at(tuesday, 15));
		diaries.save(lead, tuesday, new WriteDiary(null, 6, null, null, "晨会记录七个问题", null, "明天找街道要焊工"), at(tuesday, 20));

		reports.saveNotes(second, team.termId(), "道路工程要盯紧；养老金找民政局钱科长。", at(tuesday.plusDays(5), 10));
		reports.saveNextStep(lead, team.termId(), id(garbage), "志愿清洁队每周清运，下周核实", at(tuesday.plusDays(5), 10));
		assertThatThrownBy(() -> reports.saveNextStep(lead, team.termId(), id(railing), "已办结", at(tuesday, 21)))
			.hasMessage("diary.report.notOpenCase");
		assertThatThrownBy(() -> reports.saveNotes(next.lead(), team.termId(), "不是我的", at(tuesday, 21)))
			.isInstanceOf(DiaryAccessDeniedException.class);

		HandoverReport report = reports.page(lead, team.termId(), at(tuesday.plusDays(5), 18)).report();
		assertThat(report.received()).extracting(Item::reference)
			.containsExactly(garbage, railing, road, allowance, parking);
		assertThat(report.inherited()).extracting(Item::reference).containsExactlyInAnyOrder(culvert, ditch);
		assertThat(report.solved()).extracting(Item::reference).containsExactlyInAnyOrder(railing, culvert);
		assertThat(report.solved()).filteredOn((i) -> i.reference().equals(railing))
			.singleElement()
			.satisfies((i) -> assertThat(i.result()).isEqualTo("街道派焊工加固护栏"));
		assertThat(report.otherOutcomes()).extracting(Item::reference).containsExactly(parking);
		assertThat(report.open()).extracting(Item::reference)
			.containsExactlyInAnyOrder(garbage, road, allowance, ditch);
		Item garbageItem = item(report.open(), garbage);
		assertThat(garbageItem.escalationLevel()).isEqualTo(1);
		assertThat(garbageItem.nextStep()).isEqualTo("志愿清洁队每周清运，下周核实");
		assertThat(garbageItem.nextStepWritten()).isTrue();
		Item roadItem = item(report.open(), road);
		assertThat(roadItem.nextStep()).isEqualTo("四月开工，街道负责监理");
		assertThat(roadItem.nextStepWritten()).isFalse();
		assertThat(item(report.open(), allowance).responsible()).isEqualTo("区民政局");
		assertThat(item(report.open(), allowance).resolutionDue())
			.isEqualTo(cases.byReference(allowance).orElseThrow().resolutionDue());
		assertThat(item(report.open(), ditch).escalationLevel()).isPositive();
		assertThat(item(report.open(), road).escalationLevel()).isZero();
		assertThat(report.escalatedCount()).isEqualTo(2);
		assertThat(report.funding()).singleElement().satisfies((f) -> {
			assertThat(f.reference()).isEqualTo(road);
			assertThat(f.amount()).isEqualByComparingTo("86000");
			assertThat(f.source()).isEqualTo("区财政");
		});
		assertThat(report.fundingTotal()).isEqualByComparingTo("86000");
		assertThat(report.meetings()).singleElement().satisfies((m) -> {
			assertThat(m.id()).isEqualTo(meetingId.value());
			assertThat(m.attendees()).isEqualTo(42);
		});
		assertThat(report.inspections()).singleElement().satisfies((i) -> {
			assertThat(i.officials()).isEqualTo("街道城管科王科长");
			assertThat(i.findings()).isEqualTo(1);
		});
		assertThat(report.diaries()).filteredOn((d) -> d.memberId() == lead.memberId().value())
			.singleElement()
			.satisfies((d) -> {
				assertThat(d.written()).isEqualTo(1);
				assertThat(d.expected()).isEqualTo(5);
				assertThat(d.households()).isEqualTo(6);
			});
		assertThat(report.plans()).extracting(HandoverReport.PlanLine::plan).containsExactly("明天找街道要焊工");
		assertThat(report.notes()).isEqualTo("道路工程要盯紧；养老金找民政局钱科长。");
		assertThat(report.nextTermId()).isEqualTo(next.termId().value());
		assertThat(report.team()).extracting(HandoverReport.Person::lead).containsExactly(true, false, false);

		// the team hands over: the cases pass, the report is fixed
		Instant sunday = at(team.monday().plusDays(6), 19);
		reports.handOver(second, team.termId(), sunday);
		Handover handover = handovers.handoverFrom(team.termId()).orElseThrow();
		assertThat(handover.toTermId()).isEqualTo(next.termId());
		assertThat(handover.note()).isEqualTo("道路工程要盯紧；养老金找民政局钱科长。");
		assertThat(handover.items()).extracting(Handover.Item::caseId)
			.contains(id(garbage), id(road), id(allowance), id(ditch));
		assertThat(cases.byReference(road).orElseThrow().responsibleTermId()).isEqualTo(next.termId());
		assertThatThrownBy(() -> reports.saveNotes(lead, team.termId(), "再改", sunday.plusSeconds(60)))
			.hasMessage("diary.report.alreadyHandedOver");
		assertThatThrownBy(() -> reports.handOver(lead, team.termId(), sunday.plusSeconds(60)))
			.hasMessage("diary.report.alreadyHandedOver");

		// what happens next week does not change what was handed over
		actions.assign(garbage, assign(AssigneeKind.SECRETARY, Ids.value(next.lead().memberId()), null).toCommand(),
				next.lead(), next.tuesday());
		HandoverReports.Page fixed = reports.page(next.lead(), team.termId(), next.tuesday());
		assertThat(fixed.status().handedOver()).isTrue();
		assertThat(item(fixed.report().open(), garbage).state()).isEqualTo(CaseState.RECEIVED);
		assertThat(fixed.report().notes()).isEqualTo("道路工程要盯紧；养老金找民政局钱科长。");

		// the next lead acknowledges, nobody else
		assertThat(reports.waitingFor(next.lead().memberId(), next.monday()))
			.extracting(HandoverReports.Waiting::termId)
			.containsExactly(team.termId());
		assertThatThrownBy(() -> reports.acknowledge(next.people().get(1), team.termId(), next.tuesday()))
			.isInstanceOf(DiaryAccessDeniedException.class);
		assertThatThrownBy(() -> reports.acknowledge(lead, team.termId(), next.tuesday()))
			.isInstanceOf(DiaryAccessDeniedException.class);
		reports.acknowledge(next.lead(), team.termId(), next.tuesday());
		HandoverReports.Status status = reports.status(team.termId());
		assertThat(status.acknowledgedBy()).isEqualTo(next.lead().displayName());
		assertThat(handovers.handover(handover.id()).orElseThrow().acknowledged()).isTrue();
		assertThat(reports.waitingFor(next.lead().memberId(), next.monday())).isEmpty();
		assertThatThrownBy(() -> reports.acknowledge(next.lead(), team.termId(), next.tuesday()))
			.hasMessage("diary.report.alreadyAcknowledged");

		// kept with the village's records: the department reads it; a stranger does not
		assertThat(reports.page(fixtures.principal("admin"), team.termId(), next.tuesday()).status().acknowledged())
			.isTrue();
		assertThatThrownBy(() -> reports.page(fixtures.principal("committee"), team.termId(), next.tuesday()))
			.isInstanceOf(DiaryAccessDeniedException.class);
		assertThatThrownBy(() -> reports.page(fixtures.principal("unit"), team.termId(), next.tuesday()))
			.isInstanceOf(DiaryAccessDeniedException.class);
	}

	@Test
	void aTermHandedOverByTheSystemHasItsReportFixedToo() {
		long village = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		Team next = fixtures.team(village, monday.plusWeeks(1));
		String open = record(team, team.lead(), "路灯不亮", "OTHER", team.tuesday());
		reports.saveNotes(team.lead(), team.termId(), "路灯找供电所", team.tuesday());
		assertThatThrownBy(() -> reports.acknowledge(next.lead(), team.termId(), team.tuesday()))
			.hasMessage("diary.report.notHandedOver");

		handovers.handOverEndedTerms(next.tuesday(), 8);
		await().atMost(Duration.ofSeconds(10)).until(() -> reports.status(team.termId()).handedOver());
		HandoverReports.Page page = reports.page(next.lead(), team.termId(), next.tuesday());
		assertThat(page.report().open()).extracting(Item::reference).containsExactly(open);
		assertThat(page.report().notes()).isEqualTo("路灯找供电所");
		reports.acknowledge(next.lead(), team.termId(), next.tuesday());
		assertThat(reports.status(team.termId()).acknowledged()).isTrue();
	}

	static Item item(List<Item> items, String reference) {
		return items.stream().filter((i) -> i.reference().equals(reference)).findFirst().orElseThrow();
	}

	CaseId id(String reference) {
		return cases.byReference(reference).orElseThrow().id();
	}

}
