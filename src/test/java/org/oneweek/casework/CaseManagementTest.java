package org.oneweek.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.CaseForms.AssignForm;
import org.oneweek.casework.web.CaseForms.FundingForm;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.web.CaseForms.NoteForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case's life through the service on a real PostgreSQL: every transition, every
 * refusal, and the timeline that only grows.
 */
@OneweekTest
class CaseManagementTest {

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
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseInquiries inquiries;

	@Autowired
	CaseAccess access;

	@Autowired
	java.time.Clock clock;

	Team team() {
		long village = fixtures.newVillage("HB");
		return fixtures.team(village, fixtures.freshMonday());
	}

	static AssignForm assignTo(AssigneeKind kind, Long memberId) {
		AssignForm form = new AssignForm();
		form.setKind(kind);
		form.setMemberId(memberId);
		return form;
	}

	static NoteForm text(String text) {
		NoteForm form = new NoteForm();
		form.setText(text);
		return form;
	}

	static NoteForm callback(Satisfaction satisfaction) {
		NoteForm form = text("电话回访");
		form.setSatisfaction(satisfaction);
		return form;
	}

	@Test
	void aCaseGetsAReferenceNumberAndATimelineFromItsFirstMinute() {
		Team team = team();
		IntakeForm form = CaseFixtures.intake(team.villageId(), "河边垃圾堆放");
		form.setReporterName("李大爷");
		form.setReporterPhone("13812345678");
		CaseIntake.Recorded recorded = intake.record(form.toCommand(), team.lead(), team.tuesday());
		assertThat(recorded.reference()).matches("QX-" + team.monday().getYear() + "-\\d{5,}");
		Case c = cases.byReference(recorded.reference()).orElseThrow();
		assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
		assertThat(c.receivedTermId()).isEqualTo(team.termId());
		assertThat(c.responsibleTermId()).isEqualTo(team.termId());
		assertThat(c.recordedByMember()).isEqualTo(team.lead().memberId());
		assertThat(cases.reporter(c.id()).orElseThrow().phone()).isEqualTo("13812345678");
		List<CaseEvent> events = cases.events(c.id());
		assertThat(events).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.RECEIVED);
		assertThat(events.get(0).actorName()).isEqualTo(team.lead().displayName());
		assertThat(events.get(0).data()).doesNotContainValue("13812345678");
	}

	@Test
	void aCaseGoesFromReceivedToClosedThroughEveryStepAndEachIsAnEvent() {
		Team team = team();
		Instant t = team.tuesday();
		String ref = intake.record(CaseFixtures.intake(team.villageId(), "路灯不亮").toCommand(), team.lead(), t)
			.reference();
		AccountPrincipal second = team.people().get(1);
		actions.assign(ref, assignTo(AssigneeKind.SECRETARY, Ids.value(second.memberId())).toCommand(), team.lead(),
				t.plusSeconds(60));
		actions.start(ref, "已联系群众", second, t.plusSeconds(120));
		NoteForm progress = text("已报修");
		progress.setProgress(50);
		progress.setPublicNote(true);
		actions.note(ref, progress.toNote(), second, t.plusSeconds(180));
		FundingForm money = new FundingForm();
		money.setAmount(new java.math.BigDecimal("860.00"));
		money.setSource("街道");
		funding.request(ref, money.toRequest(), second, t.plusSeconds(200));
		money.setApprovedBy("街道办 吴主任");
		// the district approved it: the organization department records that
		funding.approve(ref, money.toApproval(), fixtures.principal("admin"), t.plusSeconds(220));
		actions.resolve(ref, text("更换灯泡两只").toResolution(), second, t.plusSeconds(240));
		actions.close(ref, callback(Satisfaction.SATISFIED).toCallback(), team.lead(), t.plusSeconds(300));

		Case c = cases.byReference(ref).orElseThrow();
		assertThat(c.state()).isEqualTo(CaseState.CLOSED);
		assertThat(c.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(c.progress()).isEqualTo(100);
		assertThat(c.firstContactAt()).isEqualTo(t.plusSeconds(120));
		assertThat(c.fundingApproved()).isEqualByComparingTo("860");
		assertThat(c.fundingApprovedBy()).isEqualTo("街道办 吴主任");
		List<CaseEvent> events = cases.events(c.id());
		assertThat(events).extracting(CaseEvent::kind)
			.containsExactly(CaseEvent.Kind.RECEIVED, CaseEvent.Kind.ASSIGNED, CaseEvent.Kind.STARTED,
					CaseEvent.Kind.NOTE, CaseEvent.Kind.PROGRESS, CaseEvent.Kind.FUNDING_REQUESTED,
					CaseEvent.Kind.FUNDING_APPROVED, CaseEvent.Kind.RESOLVED, CaseEvent.Kind.CLOSED);
		assertThat(events).extracting(CaseEvent::seq).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(events.get(8).fromState()).isEqualTo(CaseState.RESOLVED);
		assertThat(events.get(8).toState()).isEqualTo(CaseState.CLOSED);
		assertThat(c.lastEventSeq()).isEqualTo(9);
	}

	@Test
	void reopenedDeclinedAndMergedCasesKeepTheirWholeHistory() {
		Team team = team();
		Instant t = team.tuesday();
		AccountPrincipal lead = team.lead();
		String first = intake.record(CaseFixtures.intake(team.villageId(), "水管漏水").toCommand(), lead, t).reference();
		String duplicate = intake.record(CaseFixtures.intake(team.villageId(), "水管漏水（重复）").toCommand(), lead, t)
			.reference();
		String declined = intake.record(CaseFixtures.intake(team.villageId(), "城区房价").toCommand(), lead, t).reference();

		actions.merge(duplicate, first, "同一处漏水", lead, t.plusSeconds(10));
		assertThat(cases.byReference(duplicate).orElseThrow().state()).isEqualTo(CaseState.MERGED);
		assertThat(cases.events(cases.byReference(first).orElseThrow().id())).extracting(CaseEvent::kind)
			.contains(CaseEvent.Kind.MERGED_FROM);
		assertThatThrownBy(() -> actions.assign(duplicate, assignTo(AssigneeKind.COMMITTEE, null).toCommand(), lead, t))
			.isInstanceOf(CaseRuleException.class)
			.hasMessage("case.refused.ASSIGN");

		assertThatThrownBy(() -> actions.decline(declined, " ", lead, t)).isInstanceOf(CaseRuleException.class)
			.hasMessage("case.reason.required");
		actions.decline(declined, "不属于本村事务，已告知群众向住建部门反映", lead, t.plusSeconds(20));
		actions.reopen(declined, "群众补充了情况", lead, t.plusSeconds(30));
		assertThat(cases.byReference(declined).orElseThrow().state()).isEqualTo(CaseState.REOPENED);

		actions.assign(first, assignTo(AssigneeKind.COMMITTEE, null).toCommand(), lead, t.plusSeconds(40));
		actions.start(first, null, lead, t.plusSeconds(50));
		actions.resolve(first, text("已修复").toResolution(), lead, t.plusSeconds(60));
		actions.close(first, callback(Satisfaction.UNSATISFIED).toCallback(), lead, t.plusSeconds(70));
		actions.reopen(first, "回访不满意：仍在漏", lead, t.plusSeconds(80));
		Case reopened = cases.byReference(first).orElseThrow();
		assertThat(reopened.state()).isEqualTo(CaseState.REOPENED);
		assertThat(reopened.reopenedCount()).isEqualTo(1);
		assertThat(reopened.satisfaction()).isNull();
		assertThat(cases.events(reopened.id())).extracting(CaseEvent::kind)
			.containsSubsequence(CaseEvent.Kind.CLOSED, CaseEvent.Kind.REOPENED);
		actions.start(first, null, lead, t.plusSeconds(90));
		assertThat(cases.byReference(first).orElseThrow().state()).isEqualTo(CaseState.IN_PROGRESS);
	}

	@Test
	void illegalStepsAreRefusedAndChangeNothing() {
		Team team = team();
		Instant t = team.tuesday();
		AccountPrincipal lead = team.lead();
		String ref = intake.record(CaseFixtures.intake(team.villageId(), "桥面裂缝").toCommand(), lead, t).reference();
		assertThatThrownBy(() -> actions.resolve(ref, text("好了").toResolution(), lead, t))
			.isInstanceOf(CaseRuleException.class)
			.hasMessage("case.refused.RESOLVE");
		assertThatThrownBy(() -> actions.close(ref, callback(Satisfaction.SATISFIED).toCallback(), lead, t))
			.hasMessage("case.refused.CLOSE");
		assertThatThrownBy(() -> actions.start(ref, null, lead, t)).hasMessage("case.refused.START");
		assertThatThrownBy(() -> actions.reopen(ref, "为什么", lead, t)).hasMessage("case.refused.REOPEN");
		assertThatThrownBy(() -> actions.close(ref, text("无满意度").toCallback(), lead, t))
			.hasMessage("case.close.satisfactionRequired");
		assertThatThrownBy(() -> actions.assign(ref, assignTo(AssigneeKind.SECRETARY, 999_999L).toCommand(), lead, t))
			.hasMessage("case.assign.notOnTeam");
		assertThatThrownBy(() -> actions.merge(ref, ref, null, lead, t)).hasMessage("case.merge.self");
		Case c = cases.byReference(ref).orElseThrow();
		assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
		assertThat(cases.events(c.id())).hasSize(1);
	}

	@Test
	void eventsCannotBeChangedOrDeletedEvenWithSql() {
		Team team = team();
		String ref = intake
			.record(CaseFixtures.intake(team.villageId(), "不可改").toCommand(), team.lead(), team.tuesday())
			.reference();
		long id = cases.byReference(ref).orElseThrow().id().value();
		assertThatThrownBy(() -> jdbc.sql("update case_event set reason = 'x' where case_id = ?").param(id).update())
			.hasMessageContaining("appended, never changed");
		assertThatThrownBy(() -> jdbc.sql("delete from case_event where case_id = ?").param(id).update())
			.hasMessageContaining("appended, never changed");
	}

	@Test
	void anUrgentCaseGoesToTheTroubleshooterOnDutyAtOnce() {
		Team team = team();
		AccountPrincipal troubleshooter = fixtures.troubleshooter("HB", team.monday());
		IntakeForm form = CaseFixtures.intake(team.villageId(), "老石桥栏杆松动，孩子每天经过");
		form.setUrgency(Urgency.URGENT);
		form.setCategory("BRIDGES");
		String ref = intake.record(form.toCommand(), team.lead(), team.tuesday()).reference();
		Case c = cases.byReference(ref).orElseThrow();
		assertThat(c.state()).isEqualTo(CaseState.ASSIGNED);
		assertThat(c.assignee().kind()).isEqualTo(AssigneeKind.TROUBLESHOOTER);
		assertThat(c.assignee().memberId()).isEqualTo(troubleshooter.memberId());
		assertThat(c.resolutionDue()).isEqualTo(team.tuesday().plus(Duration.ofHours(24)));
		// the troubleshooter works on it in their week, though not on the village's team
		actions.start(ref, "已到现场", troubleshooter, team.tuesday().plusSeconds(600));
		assertThat(cases.byReference(ref).orElseThrow().state()).isEqualTo(CaseState.IN_PROGRESS);
	}

	@Test
	void aNewUrgentCaseTopsTheTroubleshootersListAheadOfOlderOnesWithEarlierDeadlines() {
		Team team = team();
		AccountPrincipal troubleshooter = fixtures.troubleshooter("HB", team.monday());
		IntakeForm older = CaseFixtures.intake(team.villageId(), "排水沟堵塞，已在处理");
		older.setUrgency(Urgency.URGENT);
		String first = intake.record(older.toCommand(), team.lead(), team.tuesday()).reference();
		actions.start(first, "已到现场", troubleshooter, team.tuesday().plusSeconds(60));
		IntakeForm normal = CaseFixtures.intake(team.villageId(), "路灯不亮");
		String assigned = intake.record(normal.toCommand(), team.lead(), team.tuesday()).reference();
		actions.assign(assigned, assignTo(AssigneeKind.TROUBLESHOOTER, null).toCommand(), team.lead(),
				team.tuesday().plusSeconds(90));
		IntakeForm bridge = CaseFixtures.intake(team.villageId(), "老石桥栏杆松动，孩子每天经过");
		bridge.setUrgency(Urgency.URGENT);
		String fresh = intake.record(bridge.toCommand(), team.lead(), team.tuesday().plusSeconds(3600)).reference();

		List<String> list = inquiries
			.troubleshooterList(access.standing(troubleshooter, LocalDate.ofInstant(team.tuesday(), clock.getZone())),
					50)
			.stream()
			.map(Case::reference)
			.filter((r) -> r.equals(first) || r.equals(fresh) || r.equals(assigned))
			.toList();
		assertThat(list).containsExactly(fresh, first, assigned);
	}

	@Test
	void raisingTheUrgencyOnAssignmentShortensTheDeadline() {
		Team team = team();
		fixtures.troubleshooter("HB", team.monday());
		String ref = intake
			.record(CaseFixtures.intake(team.villageId(), "排水沟堵塞").toCommand(), team.lead(), team.tuesday())
			.reference();
		AssignForm form = assignTo(AssigneeKind.TROUBLESHOOTER, null);
		form.setUrgency(Urgency.URGENT);
		actions.assign(ref, form.toCommand(), team.lead(), team.tuesday().plusSeconds(60));
		Case c = cases.byReference(ref).orElseThrow();
		assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(c.resolutionDue()).isEqualTo(team.tuesday().plusSeconds(60).plus(Duration.ofHours(24)));
		assertThat(cases.events(c.id())).extracting(CaseEvent::kind)
			.containsExactly(CaseEvent.Kind.RECEIVED, CaseEvent.Kind.URGENCY_CHANGED, CaseEvent.Kind.ASSIGNED);
	}

	@Test
	void deadlinesFollowTheRulesAndSkipTheWeekend() {
		Team team = team();
		// Friday afternoon: a help request is due in 3 working days, on Wednesday evening
		Instant friday = team.monday().plusDays(4).atTime(15, 0).atZone(CaseFixtures.ZONE).toInstant();
		String ref = intake.record(CaseFixtures.intake(team.villageId(), "低保咨询").toCommand(), team.lead(), friday)
			.reference();
		Case c = cases.byReference(ref).orElseThrow();
		LocalDate wednesday = team.monday().plusDays(9);
		assertThat(c.resolutionDue()).isEqualTo(wednesday.atTime(23, 59, 59).atZone(CaseFixtures.ZONE).toInstant());
		// first contact within one working day: Monday evening
		assertThat(c.firstContactDue())
			.isEqualTo(team.monday().plusDays(7).atTime(23, 59, 59).atZone(CaseFixtures.ZONE).toInstant());
	}

}
