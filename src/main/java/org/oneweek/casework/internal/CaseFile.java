package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Actor;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseEvents.CaseEscalated;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseLifecycle;
import org.oneweek.casework.CaseLifecycle.Action;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.HandoverId;
import org.oneweek.casework.PhotoId;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.people.MemberId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.TermId;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * A case as an aggregate: the one place where the ledger's rules live. Every change is an
 * intention-named method that checks all of its rules before it touches anything, then
 * changes the case's state and appends the timeline entries that record it (who, when,
 * why), numbered after the case's last. A refused change throws {@link CaseRuleException}
 * and leaves the case as it was.
 * <p>
 * The aggregate knows no database and no Spring: {@link CaseStore} loads it, saves its
 * state and its new entries in one go, and publishes the {@link #domainEvents() events}
 * it registered. Who may ask for a change (the person's standing on the day) is decided
 * before, by the services, with {@code CaseAccess}; the deadlines a change needs come
 * from the {@link DueDates} passed in.
 */
public final class CaseFile {

	/** The case's facts that no change touches. */
	private final Case facts;

	private CaseState state;

	private Urgency urgency;

	private Case.@Nullable Assignee assignee;

	private int progress;

	private Schedule schedule;

	private Outcome outcome;

	private Funding funding;

	private int reopenedCount;

	private @Nullable TermId responsibleTermId;

	private boolean searchTextChanged;

	private String publicTitle;

	/** What changed since the case was loaded: the entries and events to store. */
	private final Changes changes;

	private CaseFile(Case c) {
		this.facts = c;
		this.state = c.state();
		this.urgency = c.urgency();
		this.assignee = c.assignee();
		this.progress = c.progress();
		this.schedule = new Schedule(c.firstContactDue(), c.resolutionDue(), c.firstContactAt(), c.escalationLevel());
		this.outcome = new Outcome(c.result(), c.resolvedAt(), c.closedAt(), c.satisfaction(), c.declineReason(),
				c.mergedIntoId());
		this.funding = new Funding(c.fundingRequested(), c.fundingApproved(), c.fundingSource(), c.fundingApprovedBy());
		this.reopenedCount = c.reopenedCount();
		this.responsibleTermId = c.responsibleTermId();
		this.changes = new Changes(c.lastEventSeq(), c.updatedAt());
		this.publicTitle = c.publicTitle();
	}

	/** The aggregate of a case as stored. */
	public static CaseFile of(Case stored) {
		return new CaseFile(stored);
	}

	// ---- the lifecycle ----------------------------------------------------------------

	/**
	 * Someone takes the case (again); the urgency may be raised or lowered at the same
	 * time, and the deadlines only ever tighten.
	 * @param reason what the person wrote
	 * @param why the system's own reason (e.g. {@code urgent} for an urgent case sent to
	 * the troubleshooter)
	 */
	public void assign(Case.Assignee to, @Nullable Urgency newUrgency, @Nullable String reason, @Nullable String why,
			DueDates dueDates, Actor by, Instant at) {
		CaseState next = CaseLifecycle.next(state, Action.ASSIGN);
		Objects.requireNonNull(to, "assignee");
		if (newUrgency != null && newUrgency != urgency) {
			append(CaseEvent.Kind.URGENCY_CHANGED, null, null, null,
					Map.of("from", urgency.name(), "to", newUrgency.name()), false, by, at);
			urgency = newUrgency;
			schedule = schedule.tightenedTo(dueDates.due(facts.type(), newUrgency, at));
		}
		assignee = to;
		move(Action.ASSIGN, next, blankToNull(reason), EntryData.assigned(to, why), by, at);
	}

	/** The responsible person contacted the villager and started work. */
	public void start(@Nullable String note, Actor by, Instant at) {
		CaseState next = CaseLifecycle.next(state, Action.START);
		schedule = schedule.contactedAt(at);
		move(Action.START, next, blankToNull(note), Map.of(), by, at);
	}

	/**
	 * A progress note, public (shown on the board) or internal, and/or a percentage.
	 * @throws CaseRuleException when there is neither, when the percentage is out of
	 * range, or when a percentage is given for a case that is no longer open
	 */
	public void note(@Nullable String text, boolean isPublic, @Nullable Integer percent, Actor by, Instant at) {
		String note = blankToNull(text);
		if (note == null && percent == null) {
			throw new CaseRuleException("case.note.empty");
		}
		if (percent != null && (percent < 0 || percent > 100)) {
			throw new CaseRuleException("case.progress.range");
		}
		if (percent != null && !state.isOpen()) {
			throw new CaseRuleException("case.progress.notOpen");
		}
		if (note != null) {
			append(CaseEvent.Kind.NOTE, null, null, null, Map.of("text", note), isPublic, by, at);
			searchTextChanged |= isPublic;
		}
		if (percent != null && percent != progress) {
			append(CaseEvent.Kind.PROGRESS, null, null, null, Map.of("percent", percent), true, by, at);
			progress = percent;
		}
	}

	/**
	 * What the public reads as the case's title, after a person has read the words (a
	 * request from another system keeps a neutral title until then).
	 * @throws CaseRuleException when the title is blank or longer than 100 characters
	 */
	public void publishTitle(@Nullable String text, Actor by, Instant at) {
		String title = blankToNull(text);
		if (title == null) {
			throw new CaseRuleException("casework.title.required");
		}
		if (title.length() > 100) {
			throw new CaseRuleException("casework.title.tooLong", 100);
		}
		if (title.equals(publicTitle)) {
			return;
		}
		append(CaseEvent.Kind.TITLE_PUBLISHED, null, null, null, Map.of("title", title), false, by, at);
		publicTitle = title;
	}

	/**
	 * Solved: what was done, shown on the board.
	 * @throws CaseRuleException when the result is missing or the case is not in progress
	 */
	public void resolve(@Nullable String resultText, Actor by, Instant at) {
		String what = blankToNull(resultText);
		if (what == null) {
			throw new CaseRuleException("case.resolve.resultRequired");
		}
		CaseState next = CaseLifecycle.next(state, Action.RESOLVE);
		outcome = outcome.resolved(what, at);
		progress = 100;
		schedule = schedule.contactedAt(at);
		searchTextChanged = true;
		move(Action.RESOLVE, next, null, Map.of("result", what), by, at);
	}

	/**
	 * The callback: the villager's satisfaction closes a resolved case.
	 * @throws CaseRuleException when the satisfaction is missing or the case is not
	 * resolved
	 */
	public void close(@Nullable Satisfaction answer, @Nullable String comment, Actor by, Instant at) {
		if (answer == null) {
			throw new CaseRuleException("case.close.satisfactionRequired");
		}
		CaseState next = CaseLifecycle.next(state, Action.CLOSE);
		outcome = outcome.closed(answer, at);
		move(Action.CLOSE, next, blankToNull(comment), Map.of("satisfaction", answer.name()), by, at);
	}

	/**
	 * Not solved after all (the callback, or the villager came back): work starts again
	 * with new deadlines.
	 * @throws CaseRuleException without a reason, or when the case is not resolved,
	 * closed or declined
	 */
	public void reopen(@Nullable String reason, DueDates dueDates, Actor by, Instant at) {
		String why = requireReason(reason);
		CaseState next = CaseLifecycle.next(state, Action.REOPEN);
		move(Action.REOPEN, next, why, Map.of(), by, at);
		restartWork(dueDates, at);
	}

	/**
	 * A villager followed up through the public pages (the words stay private, with the
	 * follow-up). Nothing else changes: even "still not fixed" on a resolved or closed
	 * case only goes to the committee's queue, and the committee or the team decides
	 * whether to reopen it. An anonymous message must not undo a callback, restart the
	 * deadlines or take a solved case off the hand-over.
	 * @param type the kind of follow-up, as the bulletin board names it
	 */
	public void followUp(String type, Instant at) {
		append(CaseEvent.Kind.FOLLOW_UP, null, null, null, Map.of("type", type), true, Actor.PUBLIC, at);
	}

	/** Work starts again: new deadlines, no result, no satisfaction, no escalation. */
	private void restartWork(DueDates dueDates, Instant at) {
		outcome = outcome.reopened();
		progress = 0;
		reopenedCount++;
		schedule = Schedule.restarted(dueDates.due(facts.type(), urgency, at));
	}

	/**
	 * Declined with a reason (e.g. referred elsewhere, not a matter for the program).
	 * @throws CaseRuleException without a reason, or when the case is not active
	 */
	public void decline(@Nullable String reason, Actor by, Instant at) {
		String why = requireReason(reason);
		CaseState next = CaseLifecycle.next(state, Action.DECLINE);
		outcome = outcome.declined(why);
		move(Action.DECLINE, next, why, Map.of(), by, at);
	}

	/**
	 * A duplicate of another case of the same village: merged into it, and the other
	 * case's timeline notes it.
	 * @throws CaseRuleException when the other case is this one, is itself merged, is in
	 * another village, or this case can no longer be merged
	 */
	public void mergeInto(CaseFile target, @Nullable String reason, Actor by, Instant at) {
		if (target.facts.id().equals(facts.id())) {
			throw new CaseRuleException("case.merge.self");
		}
		if (target.state == CaseState.MERGED) {
			throw new CaseRuleException("case.merge.targetMerged", target.facts.reference());
		}
		CaseState next = CaseLifecycle.next(state, Action.MERGE);
		if (!target.facts.villageId().equals(facts.villageId())) {
			throw new CaseRuleException("case.merge.otherVillage");
		}
		outcome = outcome.mergedInto(target.facts.id());
		move(Action.MERGE, next, blankToNull(reason), Map.of("into", target.facts.reference()), by, at);
		target.append(CaseEvent.Kind.MERGED_FROM, null, null, null, Map.of("from", facts.reference()), true, by, at);
	}

	// ---- deadlines, hand-over, funding, photos ----------------------------------------

	/**
	 * A deadline passed: the case goes up a level (1: the troubleshooter, 2: the
	 * department). Recorded as the system's internal entry.
	 * @param troubleshooterId the troubleshooter told at level 1, if one is on duty
	 * @throws CaseRuleException when work on the case is no longer going on, or the level
	 * is not 1 or 2
	 */
	public void escalate(String deadline, int level, Instant due, @Nullable MemberId troubleshooterId, Instant at) {
		if (level < 1 || level > 2) {
			throw new CaseRuleException("case.escalate.level", level);
		}
		if (!state.isActive()) {
			throw new CaseRuleException("case.escalate.notActive", state);
		}
		append(CaseEvent.Kind.ESCALATED, null, null, null,
				EntryData.escalated(deadline, level, due, Ids.value(troubleshooterId)), false, Actor.SYSTEM, at);
		schedule = schedule.escalatedTo(level);
		changes.register(new CaseEscalated(id(), facts.reference(), deadline, level));
	}

	/**
	 * The case passes to the village's next term with a hand-over.
	 * @throws CaseRuleException when the case is no longer open
	 */
	public void handTo(HandoverId handoverId, TermId fromTermId, TermId toTermId, Actor by, Instant at) {
		if (!state.isOpen()) {
			throw new CaseRuleException("case.handover.notOpen", facts.reference());
		}
		responsibleTermId = toTermId;
		append(CaseEvent.Kind.HANDED_OVER, null, null, null, Map.of("handoverId", handoverId.value(), "fromTermId",
				fromTermId.value(), "toTermId", toTermId.value()), false, by, at);
	}

	/** The next team acknowledged the hand-over that brought the case. */
	public void acknowledgeHandover(HandoverId handoverId, Actor by, Instant at) {
		append(CaseEvent.Kind.ACKNOWLEDGED, null, null, null, Map.of("handoverId", handoverId.value()), false, by, at);
	}

	/**
	 * Money asked for (from the street, the district, a fund).
	 * @throws CaseRuleException when the case is not open or the amount not positive
	 */
	public void requestFunding(@Nullable BigDecimal amount, @Nullable String source, @Nullable String note, Actor by,
			Instant at) {
		if (!state.isOpen()) {
			throw new CaseRuleException("case.progress.notOpen");
		}
		funding = funding.request(amount, source);
		append(CaseEvent.Kind.FUNDING_REQUESTED, null, null, null,
				EntryData.money(funding.requested(), blankToNull(source), null, note), true, by, at);
	}

	/**
	 * Money granted, by whom and from which source.
	 * @throws CaseRuleException without the approver or the source, or when the amount is
	 * not positive
	 */
	public void approveFunding(@Nullable BigDecimal amount, @Nullable String source, @Nullable String approvedBy,
			@Nullable String note, Actor by, Instant at) {
		funding = funding.approve(amount, source, approvedBy);
		append(CaseEvent.Kind.FUNDING_APPROVED, null, null, null,
				EntryData.money(funding.approved(), funding.source(), funding.approvedBy(), note), true, by, at);
	}

	/** A photo was added (stored by the store; the timeline shows it). */
	public void photoAdded(PhotoId photoId, CasePhoto.Phase phase, Actor by, Instant at) {
		append(CaseEvent.Kind.PHOTO, null, null, null, Map.of("photoId", photoId.value(), "phase", phase.name()), true,
				by, at);
	}

	// ---- what the store reads ---------------------------------------------------------

	public CaseId id() {
		return facts.id();
	}

	public String reference() {
		return facts.reference();
	}

	public CaseState state() {
		return state;
	}

	/** The entries and events of the changes since the case was loaded. */
	public Changes changes() {
		return changes;
	}

	/** Whether the words the case is found by changed (a public note, a result). */
	public boolean searchTextChanged() {
		return searchTextChanged;
	}

	/** The case as it stands now. */
	public Case toCase() {
		Case f = facts;
		Schedule d = schedule;
		Outcome o = outcome;
		return new Case(f.id(), f.reference(), f.villageId(), f.townshipId(), f.receivedTermId(), responsibleTermId,
				f.source(), f.type(), f.category(), urgency, f.title(), f.description(), f.location(), publicTitle,
				state, assignee, progress, f.receivedAt(), d.firstContactDue(), d.resolutionDue(), d.firstContactAt(),
				o.resolvedAt(), o.closedAt(), o.result(), o.satisfaction(), o.mergedIntoId(), o.declineReason(),
				d.escalationLevel(), funding.requested(), funding.approved(), funding.source(), funding.approvedBy(),
				reopenedCount, f.recordedBy(), f.recordedByMember(), changes.seq(), changes.updatedAt());
	}

	// ---------------------------------------------------------------------------------

	private void move(Action action, CaseState to, @Nullable String reason, Map<String, Object> data, Actor by,
			Instant at) {
		CaseState from = state;
		state = to;
		append(action.recordedAs(), from, to, reason, data, true, by, at);
		changes.register(new CaseStateChanged(id(), facts.reference(), facts.villageId(), from, to));
	}

	private void append(CaseEvent.Kind kind, @Nullable CaseState from, @Nullable CaseState to, @Nullable String reason,
			Map<String, Object> data, boolean isPublic, Actor by, Instant at) {
		changes.append(kind, from, to, reason, data, isPublic, by, at);
	}

	private static String requireReason(@Nullable String reason) {
		String why = blankToNull(reason);
		if (why == null) {
			throw new CaseRuleException("case.reason.required");
		}
		return why;
	}

}
