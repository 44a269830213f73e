package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oneweek.casework.Actor;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvent.Kind;
import org.oneweek.casework.CaseEvents.CaseEscalated;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseLifecycle;
import org.oneweek.casework.CaseLifecycle.Action;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Deadlines.Due;
import org.oneweek.casework.HandoverId;
import org.oneweek.casework.PhotoId;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.people.AccountId;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's rules, on the aggregate alone: no Spring, no database. Every transition of
 * the lifecycle and every refusal, and what each change records.
 */
class CaseFileTest {

	static final Instant T0 = Instant.parse("2031-03-04T01:30:00Z");

	static final Instant LATER = T0.plus(Duration.ofHours(30));

	static final Actor LEAD = new Actor(AccountId.of(7), "陈国华");

	/**
	 * Deadlines of the test: first contact in a day, resolution in three (six if urgent).
	 */
	static final DueDates DUE = (type, urgency, start) -> new Due(start.plus(Duration.ofDays(1)),
			start.plus(Duration.ofDays(urgency == Urgency.NORMAL ? 3 : 1)));

	static final Case.Assignee COMMITTEE = new Case.Assignee(AssigneeKind.COMMITTEE, null, null, "东江村");

	/** A stored case in a state, with three entries on its timeline. */
	static Case stored(long id, long village, CaseState state) {
		boolean resolved = state == CaseState.RESOLVED || state == CaseState.CLOSED;
		return new Case(CaseId.of(id), "QX-2031-" + String.format("%05d", id), VillageId.of(village), TownshipId.of(2),
				TermId.of(11), TermId.of(11), CaseSource.MORNING_MEETING, CaseType.HELP, "OTHER", Urgency.NORMAL,
				"路灯不亮", null, "村口", "路灯不亮", state, (state == CaseState.RECEIVED) ? null : COMMITTEE,
				resolved ? 100 : 40, T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(3)),
				resolved ? T0.plusSeconds(60) : null, resolved ? T0.plusSeconds(600) : null,
				(state == CaseState.CLOSED) ? T0.plusSeconds(900) : null, resolved ? "换了灯泡" : null,
				(state == CaseState.CLOSED) ? Satisfaction.SATISFIED : null,
				(state == CaseState.MERGED) ? CaseId.of(99) : null, (state == CaseState.DECLINED) ? "不属本村" : null, 0,
				null, null, null, null, 0, AccountId.of(7), MemberId.of(3), 3, T0.plusSeconds(900));
	}

	static CaseFile file(CaseState state) {
		return CaseFile.of(stored(1, 27, state));
	}

	/** Does the action to the case, with arguments that satisfy every other rule. */
	static void act(CaseFile file, Action action) {
		switch (action) {
			case ASSIGN -> file.assign(COMMITTEE, null, null, null, DUE, LEAD, LATER);
			case START -> file.start(null, LEAD, LATER);
			case RESOLVE -> file.resolve("已修好", LEAD, LATER);
			case CLOSE -> file.close(Satisfaction.BASICALLY_SATISFIED, null, LEAD, LATER);
			case REOPEN -> file.reopen("回访不满意", DUE, LEAD, LATER);
			case DECLINE -> file.decline("不属于本村事务", LEAD, LATER);
			case MERGE -> file.mergeInto(CaseFile.of(stored(2, 27, CaseState.ASSIGNED)), null, LEAD, LATER);
		}
	}

	static Stream<Arguments> everyStateAndAction() {
		List<Arguments> all = new ArrayList<>();
		for (CaseState state : CaseState.values()) {
			for (Action action : Action.values()) {
				all.add(Arguments.of(state, action));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{1} on a {0} case")
	@MethodSource("everyStateAndAction")
	void everyActionMovesTheCaseAsTheLifecycleSaysOrIsRefusedLeavingNoTrace(CaseState state, Action action) {
		CaseFile file = file(state);
		if (CaseLifecycle.allowed(state, action)) {
			act(file, action);
			CaseState to = CaseLifecycle.next(state, action);
			assertThat(file.state()).isEqualTo(to);
			Entry moved = file.changes().entries().stream().filter((e) -> e.to() != null).findFirst().orElseThrow();
			assertThat(moved.from()).isEqualTo(state);
			assertThat(moved.to()).isEqualTo(to);
			assertThat(moved.kind().name()).startsWith(action.name().substring(0, 4));
			assertThat(moved.isPublic()).isTrue();
			assertThat(moved.actor()).isEqualTo(LEAD);
			assertThat(file.changes().entries().get(0).seq()).isEqualTo(4);
			assertThat(file.changes().events())
				.contains(new CaseStateChanged(file.id(), file.reference(), VillageId.of(27), state, to));
			assertThat(file.toCase().lastEventSeq()).isEqualTo(3 + file.changes().entries().size());
		}
		else {
			assertThatThrownBy(() -> act(file, action)).isInstanceOf(CaseRuleException.class)
				.hasMessage("case.refused." + action.name());
			assertThat(file.state()).isEqualTo(state);
			assertThat(file.changes().any()).isFalse();
			assertThat(file.changes().events()).isEmpty();
			assertThat(file.toCase()).isEqualTo(stored(1, 27, state));
		}
	}

	@Test
	void aNewCaseStartsReceivedWithItsDeadlinesAndTheTitleShownOnTheBoard() {
		Intake intake = Intake.of(VillageId.of(27), TownshipId.of(2), TermId.of(11), TermId.of(11), CaseSource.PHONE,
				CaseType.COMPLAINT, "ROADS", Urgency.URGENT, "  进村道路坑洼  ", " ", null, null, T0, DUE, LEAD,
				MemberId.of(3), 5L);
		assertThat(intake.title()).isEqualTo("进村道路坑洼");
		assertThat(intake.publicTitle()).isEqualTo("进村道路坑洼");
		assertThat(intake.description()).isNull();
		assertThat(intake.due()).isEqualTo(DUE.due(CaseType.COMPLAINT, Urgency.URGENT, T0));
		assertThat(intake.meetingId()).isEqualTo(5L);
		Entry first = intake.received();
		assertThat(first.seq()).isEqualTo(1);
		assertThat(first.kind()).isEqualTo(Kind.RECEIVED);
		assertThat(first.to()).isEqualTo(CaseState.RECEIVED);
		assertThat(first.isPublic()).isTrue();
		assertThat(first.data()).containsEntry("source", "PHONE")
			.containsEntry("type", "COMPLAINT")
			.containsEntry("category", "ROADS")
			.containsEntry("urgency", "URGENT");
		assertThat(Intake
			.of(VillageId.of(27), TownshipId.of(2), null, null, CaseSource.PHONE, CaseType.HELP, "ROADS",
					Urgency.NORMAL, "坑洼", null, null, " 道路维修 ", T0, DUE, LEAD, null, null)
			.publicTitle()).isEqualTo("道路维修");
	}

	@Test
	void aCaseWithoutATitleIsNotRecorded() {
		assertThatThrownBy(() -> Intake.of(VillageId.of(27), TownshipId.of(2), null, null, CaseSource.PHONE,
				CaseType.HELP, "ROADS", Urgency.NORMAL, "  ", null, null, null, T0, DUE, LEAD, null, null))
			.hasMessage("case.title.required");
	}

	@Test
	void assigningWithAHigherUrgencyTightensTheDeadlinesAndRecordsTheChangeFirst() {
		CaseFile file = file(CaseState.RECEIVED);
		Case.Assignee unit = new Case.Assignee(AssigneeKind.UNIT, null, UnitId.of(4), "区水务局");
		file.assign(unit, Urgency.URGENT, " 需要水务局 ", null, DUE, LEAD, LATER);
		Case c = file.toCase();
		assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
		// the earlier of the old and the new deadlines: contact was due before, the
		// resolution is due sooner now
		assertThat(c.firstContactDue()).isEqualTo(T0.plus(Duration.ofDays(1)));
		assertThat(c.resolutionDue()).isEqualTo(LATER.plus(Duration.ofDays(1)));
		assertThat(c.assignee()).isEqualTo(unit);
		assertThat(file.changes().entries()).extracting(Entry::kind)
			.containsExactly(Kind.URGENCY_CHANGED, Kind.ASSIGNED);
		assertThat(file.changes().entries().get(0).isPublic()).isFalse();
		assertThat(file.changes().entries().get(0).data()).containsEntry("from", "NORMAL")
			.containsEntry("to", "URGENT");
		Entry assigned = file.changes().entries().get(1);
		assertThat(assigned.reason()).isEqualTo("需要水务局");
		assertThat(assigned.data()).containsEntry("assigneeKind", "UNIT")
			.containsEntry("unitId", "4")
			.containsEntry("name", "区水务局")
			.doesNotContainKey("why");
		assertThat(file.changes().entries()).extracting(Entry::seq).containsExactly(4, 5);

		CaseFile tighter = CaseFile.of(stored(3, 27, CaseState.ASSIGNED));
		tighter.assign(COMMITTEE, Urgency.URGENT, null, "urgent", DUE, LEAD, T0.plusSeconds(60));
		assertThat(tighter.toCase().resolutionDue()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(1)));
		assertThat(tighter.changes().entries().get(1).data()).containsEntry("why", "urgent");
	}

	@Test
	void assigningAtTheSameUrgencyRecordsNoUrgencyChange() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		file.assign(COMMITTEE, Urgency.NORMAL, null, null, DUE, LEAD, LATER);
		assertThat(file.changes().entries()).extracting(Entry::kind).containsExactly(Kind.ASSIGNED);
		assertThat(file.state()).isEqualTo(CaseState.ASSIGNED);
	}

	@Test
	void startingWorkRecordsTheFirstContactOnce() {
		CaseFile file = file(CaseState.ASSIGNED);
		file.start(" 已电话联系 ", LEAD, LATER);
		assertThat(file.toCase().firstContactAt()).isEqualTo(LATER);
		assertThat(file.changes().entries().get(0).reason()).isEqualTo("已电话联系");
		file.assign(COMMITTEE, null, null, null, DUE, LEAD, LATER.plusSeconds(60));
		file.start(null, LEAD, LATER.plusSeconds(120));
		assertThat(file.toCase().firstContactAt()).isEqualTo(LATER);
	}

	@Test
	void aNoteNeedsWordsOrAPercentageAndAPercentageNeedsAnOpenCase() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		assertThatThrownBy(() -> file.note(" ", true, null, LEAD, LATER)).hasMessage("case.note.empty");
		assertThatThrownBy(() -> file.note(null, false, 101, LEAD, LATER)).hasMessage("case.progress.range");
		assertThatThrownBy(() -> file.note(null, false, -1, LEAD, LATER)).hasMessage("case.progress.range");
		assertThat(file.changes().any()).isFalse();
		CaseFile closed = file(CaseState.CLOSED);
		assertThatThrownBy(() -> closed.note("再看看", false, 50, LEAD, LATER)).hasMessage("case.progress.notOpen");
		closed.note("回访后补记", false, null, LEAD, LATER);
		assertThat(closed.changes().entries()).extracting(Entry::kind).containsExactly(Kind.NOTE);
	}

	@Test
	void aPublicNoteWithProgressIsTwoPublicEntriesAndChangesTheSearchWords() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		file.note("已报修", true, 60, LEAD, LATER);
		assertThat(file.changes().entries()).extracting(Entry::kind).containsExactly(Kind.NOTE, Kind.PROGRESS);
		assertThat(file.changes().entries()).allMatch(Entry::isPublic);
		assertThat(file.changes().entries().get(1).data()).containsEntry("percent", 60);
		assertThat(file.toCase().progress()).isEqualTo(60);
		assertThat(file.searchTextChanged()).isTrue();
		assertThat(file.changes().events()).isEmpty();

		CaseFile internal = file(CaseState.IN_PROGRESS);
		internal.note("内部：等资金", false, 40, LEAD, LATER);
		// the same percentage again is no progress
		assertThat(internal.changes().entries()).extracting(Entry::kind).containsExactly(Kind.NOTE);
		assertThat(internal.changes().entries().get(0).isPublic()).isFalse();
		assertThat(internal.searchTextChanged()).isFalse();
	}

	@Test
	void resolvingNeedsWhatWasDoneAndFinishesTheWork() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		assertThatThrownBy(() -> file.resolve("  ", LEAD, LATER)).hasMessage("case.resolve.resultRequired");
		assertThat(file.changes().any()).isFalse();
		file.resolve("更换灯泡两只", LEAD, LATER);
		Case c = file.toCase();
		assertThat(c.result()).isEqualTo("更换灯泡两只");
		assertThat(c.resolvedAt()).isEqualTo(LATER);
		assertThat(c.progress()).isEqualTo(100);
		assertThat(c.firstContactAt()).isEqualTo(LATER);
		assertThat(file.changes().entries().get(0).data()).containsEntry("result", "更换灯泡两只");
		assertThat(file.searchTextChanged()).isTrue();
	}

	@Test
	void closingNeedsTheVillagersAnswer() {
		CaseFile file = file(CaseState.RESOLVED);
		assertThatThrownBy(() -> file.close(null, "无人接听", LEAD, LATER)).hasMessage("case.close.satisfactionRequired");
		file.close(Satisfaction.UNSATISFIED, "仍然漏水", LEAD, LATER);
		assertThat(file.toCase().satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
		assertThat(file.toCase().closedAt()).isEqualTo(LATER);
		assertThat(file.changes().entries().get(0).reason()).isEqualTo("仍然漏水");
		assertThat(file.changes().entries().get(0).data()).containsEntry("satisfaction", "UNSATISFIED");
	}

	@Test
	void reopeningNeedsAReasonAndStartsTheWorkAgain() {
		CaseFile file = file(CaseState.CLOSED);
		assertThatThrownBy(() -> file.reopen(" ", DUE, LEAD, LATER)).hasMessage("case.reason.required");
		file.reopen("回访不满意：仍在漏", DUE, LEAD, LATER);
		Case c = file.toCase();
		assertThat(c.state()).isEqualTo(CaseState.REOPENED);
		assertThat(c.resolvedAt()).isNull();
		assertThat(c.closedAt()).isNull();
		assertThat(c.result()).isNull();
		assertThat(c.satisfaction()).isNull();
		assertThat(c.firstContactAt()).isNull();
		assertThat(c.progress()).isZero();
		assertThat(c.reopenedCount()).isEqualTo(1);
		assertThat(c.firstContactDue()).isEqualTo(LATER.plus(Duration.ofDays(1)));
		assertThat(c.resolutionDue()).isEqualTo(LATER.plus(Duration.ofDays(3)));

		CaseFile declined = file(CaseState.DECLINED);
		declined.reopen("群众补充了情况", DUE, LEAD, LATER);
		assertThat(declined.toCase().declineReason()).isNull();
	}

	@Test
	void aVillagersNotFixedNeverReopensACaseAndNamesNobody() {
		for (CaseState state : List.of(CaseState.RESOLVED, CaseState.CLOSED, CaseState.IN_PROGRESS)) {
			CaseFile file = file(state);
			Case before = file.toCase();
			file.followUp("NOT_FIXED", LATER);
			assertThat(file.state()).isEqualTo(state);
			assertThat(file.toCase().reopenedCount()).isEqualTo(before.reopenedCount());
			assertThat(file.toCase().progress()).isEqualTo(before.progress());
			assertThat(file.toCase().satisfaction()).isEqualTo(before.satisfaction());
			assertThat(file.changes().entries()).singleElement().satisfies((e) -> {
				assertThat(e.kind()).isEqualTo(Kind.FOLLOW_UP);
				assertThat(e.actor()).isEqualTo(Actor.PUBLIC);
				assertThat(e.isPublic()).isTrue();
				assertThat(e.data()).containsOnlyKeys("type");
			});
		}
	}

	@Test
	void decliningNeedsAReason() {
		CaseFile file = file(CaseState.RECEIVED);
		assertThatThrownBy(() -> file.decline(null, LEAD, LATER)).hasMessage("case.reason.required");
		file.decline("已告知群众向住建部门反映", LEAD, LATER);
		assertThat(file.toCase().declineReason()).isEqualTo("已告知群众向住建部门反映");
		assertThat(file.changes().entries().get(0).reason()).isEqualTo("已告知群众向住建部门反映");
	}

	@Test
	void aDuplicateIsMergedIntoAnotherOpenCaseOfTheVillageWhichNotesIt() {
		CaseFile duplicate = file(CaseState.RECEIVED);
		assertThatThrownBy(() -> duplicate.mergeInto(CaseFile.of(stored(1, 27, CaseState.ASSIGNED)), null, LEAD, LATER))
			.hasMessage("case.merge.self");
		assertThatThrownBy(() -> duplicate.mergeInto(CaseFile.of(stored(2, 27, CaseState.MERGED)), null, LEAD, LATER))
			.hasMessage("case.merge.targetMerged");
		assertThatThrownBy(() -> duplicate.mergeInto(CaseFile.of(stored(2, 28, CaseState.ASSIGNED)), null, LEAD, LATER))
			.hasMessage("case.merge.otherVillage");
		assertThat(duplicate.changes().any()).isFalse();

		CaseFile target = CaseFile.of(stored(2, 27, CaseState.CLOSED));
		duplicate.mergeInto(target, "同一处漏水", LEAD, LATER);
		assertThat(duplicate.state()).isEqualTo(CaseState.MERGED);
		assertThat(duplicate.toCase().mergedIntoId()).isEqualTo(CaseId.of(2));
		assertThat(duplicate.changes().entries().get(0).data()).containsEntry("into", "QX-2031-00002");
		assertThat(target.state()).isEqualTo(CaseState.CLOSED);
		assertThat(target.changes().entries()).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(Kind.MERGED_FROM);
			assertThat(e.data()).containsEntry("from", "QX-2031-00001");
			assertThat(e.seq()).isEqualTo(4);
		});
	}

	@Test
	void anOverdueCaseGoesUpALevelAtATimeAsTheSystem() {
		CaseFile file = file(CaseState.ASSIGNED);
		Instant due = T0.plus(Duration.ofDays(1));
		file.escalate("FIRST_CONTACT", 1, due, MemberId.of(12), LATER);
		file.escalate("RESOLUTION", 2, due, null, LATER);
		assertThat(file.toCase().escalationLevel()).isEqualTo(2);
		assertThat(file.changes().entries()).allSatisfy((e) -> {
			assertThat(e.kind()).isEqualTo(Kind.ESCALATED);
			assertThat(e.actor()).isEqualTo(Actor.SYSTEM);
			assertThat(e.isPublic()).isFalse();
		});
		assertThat(file.changes().entries().get(0).data()).containsEntry("memberId", 12L)
			.containsEntry("level", 1)
			.containsEntry("due", due.toString());
		assertThat(file.changes().entries().get(1).data()).containsEntry("to", "ORG_ADMIN");
		assertThat(file.changes().events()).containsExactly(
				new CaseEscalated(file.id(), file.reference(), "FIRST_CONTACT", 1),
				new CaseEscalated(file.id(), file.reference(), "RESOLUTION", 2));
		// a lower level later does not lower it
		file.escalate("FIRST_CONTACT", 1, due, null, LATER);
		assertThat(file.toCase().escalationLevel()).isEqualTo(2);

		assertThatThrownBy(() -> file(CaseState.RESOLVED).escalate("RESOLUTION", 1, due, null, LATER))
			.hasMessage("case.escalate.notActive");
		assertThatThrownBy(() -> file(CaseState.ASSIGNED).escalate("RESOLUTION", 3, due, null, LATER))
			.hasMessage("case.escalate.level");
	}

	@Test
	void anOpenCasePassesToTheNextTermAndItsAcknowledgementIsRecorded() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		file.handTo(HandoverId.of(5), TermId.of(11), TermId.of(12), Actor.SYSTEM, LATER);
		file.acknowledgeHandover(HandoverId.of(5), LEAD, LATER.plusSeconds(60));
		assertThat(file.toCase().responsibleTermId()).isEqualTo(TermId.of(12));
		assertThat(file.changes().entries()).extracting(Entry::kind)
			.containsExactly(Kind.HANDED_OVER, Kind.ACKNOWLEDGED);
		assertThat(file.changes().entries()).noneMatch(Entry::isPublic);
		assertThat(file.changes().entries().get(0).data()).containsEntry("fromTermId", 11L)
			.containsEntry("toTermId", 12L);
		for (CaseState done : List.of(CaseState.CLOSED, CaseState.MERGED, CaseState.DECLINED)) {
			assertThatThrownBy(
					() -> file(done).handTo(HandoverId.of(5), TermId.of(11), TermId.of(12), Actor.SYSTEM, LATER))
				.hasMessage("case.handover.notOpen");
		}
	}

	@Test
	void fundingIsAskedForOnAnOpenCaseAndGrantedWithItsApproverAndSource() {
		CaseFile file = file(CaseState.IN_PROGRESS);
		assertThatThrownBy(() -> file.requestFunding(null, null, null, LEAD, LATER)).hasMessage("validation.required");
		assertThatThrownBy(() -> file.requestFunding(BigDecimal.ZERO, null, null, LEAD, LATER))
			.hasMessage("case.funding.positive");
		assertThatThrownBy(() -> file(CaseState.CLOSED).requestFunding(BigDecimal.TEN, null, null, LEAD, LATER))
			.hasMessage("case.progress.notOpen");
		file.requestFunding(new BigDecimal("860.00"), " 街道 ", null, LEAD, LATER);
		assertThat(file.toCase().fundingRequested()).isEqualByComparingTo("860");
		assertThat(file.toCase().fundingSource()).isEqualTo("街道");

		assertThatThrownBy(() -> file.approveFunding(BigDecimal.TEN, "街道", " ", null, LEAD, LATER))
			.hasMessage("case.funding.approverRequired");
		assertThatThrownBy(() -> file.approveFunding(BigDecimal.TEN, null, "吴主任", null, LEAD, LATER))
			.hasMessage("case.funding.approverRequired");
		assertThatThrownBy(() -> file.approveFunding(new BigDecimal("-1"), "街道", "吴主任", null, LEAD, LATER))
			.hasMessage("case.funding.positive");
		file.approveFunding(new BigDecimal("800"), "区财政", "街道办 吴主任", "先拨八百", LEAD, LATER);
		Case c = file.toCase();
		assertThat(c.fundingApproved()).isEqualByComparingTo("800");
		assertThat(c.fundingSource()).isEqualTo("区财政");
		assertThat(c.fundingApprovedBy()).isEqualTo("街道办 吴主任");
		assertThat(file.changes().entries()).extracting(Entry::kind)
			.containsExactly(Kind.FUNDING_REQUESTED, Kind.FUNDING_APPROVED);
		assertThat(file.changes().entries().get(0).data()).containsEntry("amount", "860.00")
			.containsEntry("source", "街道")
			.doesNotContainKey("note");
		assertThat(file.changes().entries().get(1).data()).containsEntry("approvedBy", "街道办 吴主任")
			.containsEntry("note", "先拨八百");
	}

	@Test
	void aPhotoIsAPublicEntry() {
		CaseFile file = file(CaseState.RESOLVED);
		file.photoAdded(PhotoId.of(31), CasePhoto.Phase.AFTER, LEAD, LATER);
		assertThat(file.changes().entries()).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(Kind.PHOTO);
			assertThat(e.isPublic()).isTrue();
			assertThat(e.data()).containsEntry("photoId", 31L).containsEntry("phase", "AFTER");
		});
		assertThat(file.toCase().updatedAt()).isEqualTo(LATER);
	}

	@Test
	void entriesAreNumberedAfterTheLastStoredOneInTheOrderOfTheChanges() {
		CaseFile file = file(CaseState.RECEIVED);
		file.assign(COMMITTEE, null, null, null, DUE, LEAD, LATER);
		file.start(null, LEAD, LATER.plusSeconds(1));
		file.note("已到现场", true, 30, LEAD, LATER.plusSeconds(2));
		file.resolve("已修好", LEAD, LATER.plusSeconds(3));
		assertThat(file.changes().entries()).extracting(Entry::seq).containsExactly(4, 5, 6, 7, 8);
		assertThat(file.changes().loadedSeq()).isEqualTo(3);
		assertThat(file.toCase().lastEventSeq()).isEqualTo(8);
		assertThat(file.changes().events()).hasSize(3);
	}

}
