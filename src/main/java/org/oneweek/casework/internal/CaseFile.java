package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Deadlines.Due;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.places.VillageId;

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

	/**
	 * The deadlines of a case of a type and urgency received (or restarted) at an
	 * instant.
	 */
	@FunctionalInterface
	public interface DueDates {

		Due due(CaseType type, Urgency urgency, Instant start);

	}

	/**
	 * One timeline entry to append.
	 *
	 * @param isPublic whether it may be shown on the village's board
	 */
	public record Entry(int seq, CaseEvent.Kind kind, Instant at, Actor actor, @Nullable CaseState from,
			@Nullable CaseState to, @Nullable String reason, Map<String, Object> data, boolean isPublic) {

		public Entry {
			data = Map.copyOf(data);
		}

	}

	/** The case's facts that no change touches. */
	private final Case facts;

	private final int loadedSeq;

	private CaseState state;

	private Urgency urgency;

	private Case.@Nullable Assignee assignee;

	private int progress;

	private Instant firstContactDue;

	private Instant resolutionDue;

	private @Nullable Instant firstContactAt;

	private @Nullable Instant resolvedAt;

	private @Nullable Instant closedAt;

	private @Nullable String result;

	private @Nullable Satisfaction satisfaction;

	private @Nullable Long mergedIntoId;

	private @Nullable String declineReason;

	private int escalationLevel;

	private @Nullable BigDecimal fundingRequested;

	private @Nullable BigDecimal fundingApproved;

	private @Nullable String fundingSource;

	private @Nullable String fundingApprovedBy;

	private int reopenedCount;

	private @Nullable Long responsibleTermId;

	private int seq;

	private Instant updatedAt;

	private boolean searchTextChanged;

	private final List<Entry> entries = new ArrayList<>();

	private final List<Object> domainEvents = new ArrayList<>();

	private CaseFile(Case c) {
		this.facts = c;
		this.loadedSeq = c.lastEventSeq();
		this.state = c.state();
		this.urgency = c.urgency();
		this.assignee = c.assignee();
		this.progress = c.progress();
		this.firstContactDue = c.firstContactDue();
		this.resolutionDue = c.resolutionDue();
		this.firstContactAt = c.firstContactAt();
		this.resolvedAt = c.resolvedAt();
		this.closedAt = c.closedAt();
		this.result = c.result();
		this.satisfaction = c.satisfaction();
		this.mergedIntoId = c.mergedIntoId();
		this.declineReason = c.declineReason();
		this.escalationLevel = c.escalationLevel();
		this.fundingRequested = c.fundingRequested();
		this.fundingApproved = c.fundingApproved();
		this.fundingSource = c.fundingSource();
		this.fundingApprovedBy = c.fundingApprovedBy();
		this.reopenedCount = c.reopenedCount();
		this.responsibleTermId = c.responsibleTermId();
		this.seq = c.lastEventSeq();
		this.updatedAt = c.updatedAt();
	}

	/** The aggregate of a case as stored. */
	public static CaseFile of(Case stored) {
		return new CaseFile(stored);
	}

	// ---- recording ------------------------------------------------------------------

	/**
	 * What a new case starts with, checked: the store writes it in one statement (with
	 * the reference number it draws) and the first entry, {@code RECEIVED}.
	 *
	 * @param responsibleTermId the term that holds the case: the team serving in the
	 * village this week, else the next (or last) one
	 */
	public record Intake(VillageId villageId, long townshipId, @Nullable Long receivedTermId,
			@Nullable Long responsibleTermId, CaseSource source, CaseType type, String category, Urgency urgency,
			String title, @Nullable String description, @Nullable String location, String publicTitle,
			Instant receivedAt, Due due, Actor recordedBy, @Nullable Long recordedByMember, Map<String, Object> data,
			@Nullable Long meetingId) {

		public Intake {
			data = Map.copyOf(data);
		}

		/** The first entry of the timeline. */
		public Entry received() {
			return new Entry(1, CaseEvent.Kind.RECEIVED, receivedAt, recordedBy, null, CaseState.RECEIVED, null, data,
					true);
		}

	}

	/**
	 * Records a problem heard: the case starts {@link CaseState#RECEIVED} with its
	 * deadlines.
	 * @throws CaseRuleException when it has no title
	 */
	public static Intake record(VillageId villageId, long townshipId, @Nullable Long receivedTermId,
			@Nullable Long responsibleTermId, CaseSource source, CaseType type, String category, Urgency urgency,
			@Nullable String title, @Nullable String description, @Nullable String location,
			@Nullable String publicTitle, Instant at, DueDates dueDates, Actor by, @Nullable Long byMember,
			@Nullable Long meetingId) {
		String t = blankToNull(title);
		if (t == null) {
			throw new CaseRuleException("case.title.required");
		}
		String strippedTitle = t.strip();
		String shown = blankToNull(publicTitle);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", source.name());
		data.put("urgency", urgency.name());
		data.put("type", type.name());
		data.put("category", category);
		return new Intake(villageId, townshipId, receivedTermId, responsibleTermId, source, type, category, urgency,
				strippedTitle, blankToNull(description), blankToNull(location),
				(shown != null) ? shown.strip() : strippedTitle, at, dueDates.due(type, urgency, at), by, byMember,
				data, meetingId);
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
			Due due = dueDates.due(facts.type(), newUrgency, at);
			append(CaseEvent.Kind.URGENCY_CHANGED, null, null, null,
					Map.of("from", urgency.name(), "to", newUrgency.name()), false, by, at);
			urgency = newUrgency;
			firstContactDue = earlier(firstContactDue, due.firstContact());
			resolutionDue = earlier(resolutionDue, due.resolution());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("assigneeKind", to.kind().name());
		if (to.memberId() != null) {
			data.put("memberId", to.memberId());
		}
		if (to.unitId() != null) {
			data.put("unitId", String.valueOf(to.unitId()));
		}
		data.put("name", to.name());
		if (why != null) {
			data.put("why", why);
		}
		assignee = to;
		move(Action.ASSIGN, next, blankToNull(reason), data, by, at);
	}

	/** The responsible person contacted the villager and started work. */
	public void start(@Nullable String note, Actor by, Instant at) {
		CaseState next = CaseLifecycle.next(state, Action.START);
		if (firstContactAt == null) {
			firstContactAt = at;
		}
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
	 * Solved: what was done, shown on the board.
	 * @throws CaseRuleException when the result is missing or the case is not in progress
	 */
	public void resolve(@Nullable String resultText, Actor by, Instant at) {
		String what = blankToNull(resultText);
		if (what == null) {
			throw new CaseRuleException("case.resolve.resultRequired");
		}
		CaseState next = CaseLifecycle.next(state, Action.RESOLVE);
		result = what;
		resolvedAt = at;
		progress = 100;
		if (firstContactAt == null) {
			firstContactAt = at;
		}
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
		satisfaction = answer;
		closedAt = at;
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
	 * follow-up). "Still not fixed" on a resolved or closed case reopens it.
	 * @param type the kind of follow-up, as the bulletin board names it
	 * @return whether the case was reopened
	 */
	public boolean followUp(String type, boolean notFixed, DueDates dueDates, Instant at) {
		append(CaseEvent.Kind.FOLLOW_UP, null, null, null, Map.of("type", type), true, Actor.PUBLIC, at);
		boolean reopen = notFixed && (state == CaseState.RESOLVED || state == CaseState.CLOSED);
		if (reopen) {
			move(Action.REOPEN, CaseLifecycle.next(state, Action.REOPEN), null, Map.of("by", "FOLLOW_UP"), Actor.PUBLIC,
					at);
			restartWork(dueDates, at);
		}
		return reopen;
	}

	/** Work starts again: new deadlines, no result, no satisfaction, no escalation. */
	private void restartWork(DueDates dueDates, Instant at) {
		Due due = dueDates.due(facts.type(), urgency, at);
		resolvedAt = null;
		closedAt = null;
		satisfaction = null;
		result = null;
		declineReason = null;
		progress = 0;
		reopenedCount++;
		escalationLevel = 0;
		firstContactDue = due.firstContact();
		resolutionDue = due.resolution();
		firstContactAt = null;
	}

	/**
	 * Declined with a reason (e.g. referred elsewhere, not a matter for the program).
	 * @throws CaseRuleException without a reason, or when the case is not active
	 */
	public void decline(@Nullable String reason, Actor by, Instant at) {
		String why = requireReason(reason);
		CaseState next = CaseLifecycle.next(state, Action.DECLINE);
		declineReason = why;
		move(Action.DECLINE, next, why, Map.of(), by, at);
	}

	/**
	 * A duplicate of another case of the same village: merged into it, and the other
	 * case's timeline notes it.
	 * @throws CaseRuleException when the other case is this one, is itself merged, is in
	 * another village, or this case can no longer be merged
	 */
	public void mergeInto(CaseFile target, @Nullable String reason, Actor by, Instant at) {
		if (target.facts.id() == facts.id()) {
			throw new CaseRuleException("case.merge.self");
		}
		if (target.state == CaseState.MERGED) {
			throw new CaseRuleException("case.merge.targetMerged", target.facts.reference());
		}
		CaseState next = CaseLifecycle.next(state, Action.MERGE);
		if (target.facts.villageId() != facts.villageId()) {
			throw new CaseRuleException("case.merge.otherVillage");
		}
		mergedIntoId = target.facts.id();
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
	public void escalate(String deadline, int level, Instant due, @Nullable Long troubleshooterId, Instant at) {
		if (level < 1 || level > 2) {
			throw new CaseRuleException("case.escalate.level", level);
		}
		if (!state.isActive()) {
			throw new CaseRuleException("case.escalate.notActive", state);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("deadline", deadline);
		data.put("level", level);
		data.put("due", due.toString());
		if (level == 1) {
			if (troubleshooterId != null) {
				data.put("memberId", troubleshooterId);
			}
		}
		else {
			data.put("to", "ORG_ADMIN");
		}
		append(CaseEvent.Kind.ESCALATED, null, null, null, data, false, Actor.SYSTEM, at);
		escalationLevel = Math.max(escalationLevel, level);
		domainEvents.add(new CaseEscalated(id(), facts.reference(), deadline, level));
	}

	/**
	 * The case passes to the village's next term with a hand-over.
	 * @throws CaseRuleException when the case is no longer open
	 */
	public void handTo(long handoverId, long fromTermId, long toTermId, Actor by, Instant at) {
		if (!state.isOpen()) {
			throw new CaseRuleException("case.handover.notOpen", facts.reference());
		}
		responsibleTermId = toTermId;
		append(CaseEvent.Kind.HANDED_OVER, null, null, null,
				Map.of("handoverId", handoverId, "fromTermId", fromTermId, "toTermId", toTermId), false, by, at);
	}

	/** The next team acknowledged the hand-over that brought the case. */
	public void acknowledgeHandover(long handoverId, Actor by, Instant at) {
		append(CaseEvent.Kind.ACKNOWLEDGED, null, null, null, Map.of("handoverId", handoverId), false, by, at);
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
		BigDecimal money = positive(amount);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", money.toPlainString());
		putIfPresent(data, "source", source);
		putIfPresent(data, "note", note);
		append(CaseEvent.Kind.FUNDING_REQUESTED, null, null, null, data, true, by, at);
		fundingRequested = money;
		String from = blankToNull(source);
		if (from != null) {
			fundingSource = from;
		}
	}

	/**
	 * Money granted, by whom and from which source.
	 * @throws CaseRuleException without the approver or the source, or when the amount is
	 * not positive
	 */
	public void approveFunding(@Nullable BigDecimal amount, @Nullable String source, @Nullable String approvedBy,
			@Nullable String note, Actor by, Instant at) {
		String approver = blankToNull(approvedBy);
		String from = blankToNull(source);
		if (approver == null || from == null) {
			throw new CaseRuleException("case.funding.approverRequired");
		}
		BigDecimal money = positive(amount);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", money.toPlainString());
		data.put("source", from);
		data.put("approvedBy", approver);
		putIfPresent(data, "note", note);
		append(CaseEvent.Kind.FUNDING_APPROVED, null, null, null, data, true, by, at);
		fundingApproved = money;
		fundingSource = from;
		fundingApprovedBy = approver;
	}

	/** A photo was added (stored by the store; the timeline shows it). */
	public void photoAdded(long photoId, CasePhoto.Phase phase, Actor by, Instant at) {
		append(CaseEvent.Kind.PHOTO, null, null, null, Map.of("photoId", photoId, "phase", phase.name()), true, by, at);
	}

	// ---- what the store reads ---------------------------------------------------------

	public CaseId id() {
		return CaseId.of(facts.id());
	}

	public String reference() {
		return facts.reference();
	}

	public CaseState state() {
		return state;
	}

	/** The sequence number of the last entry stored when the case was loaded. */
	public int loadedSeq() {
		return loadedSeq;
	}

	/** The entries appended since the case was loaded, in order. */
	public List<Entry> newEntries() {
		return List.copyOf(entries);
	}

	/** The events for other modules, registered since the case was loaded. */
	public List<Object> domainEvents() {
		return List.copyOf(domainEvents);
	}

	/** Whether the words the case is found by changed (a public note, a result). */
	public boolean searchTextChanged() {
		return searchTextChanged;
	}

	/** Whether anything changed since the case was loaded. */
	public boolean changed() {
		return !entries.isEmpty();
	}

	/** The case as it stands now. */
	public Case toCase() {
		Case f = facts;
		return new Case(f.id(), f.reference(), f.villageId(), f.townshipId(), f.receivedTermId(), responsibleTermId,
				f.source(), f.type(), f.category(), urgency, f.title(), f.description(), f.location(), f.publicTitle(),
				state, assignee, progress, f.receivedAt(), firstContactDue, resolutionDue, firstContactAt, resolvedAt,
				closedAt, result, satisfaction, mergedIntoId, declineReason, escalationLevel, fundingRequested,
				fundingApproved, fundingSource, fundingApprovedBy, reopenedCount, f.recordedBy(), f.recordedByMember(),
				seq, updatedAt);
	}

	// ---------------------------------------------------------------------------------

	private void move(Action action, CaseState to, @Nullable String reason, Map<String, Object> data, Actor by,
			Instant at) {
		CaseState from = state;
		state = to;
		append(kindOf(action), from, to, reason, data, true, by, at);
		domainEvents.add(new CaseStateChanged(id(), facts.reference(), VillageId.of(facts.villageId()), from, to));
	}

	private void append(CaseEvent.Kind kind, @Nullable CaseState from, @Nullable CaseState to, @Nullable String reason,
			Map<String, Object> data, boolean isPublic, Actor by, Instant at) {
		seq++;
		entries.add(new Entry(seq, kind, at, by, from, to, reason, data, isPublic));
		updatedAt = at;
	}

	private static CaseEvent.Kind kindOf(Action action) {
		return switch (action) {
			case ASSIGN -> CaseEvent.Kind.ASSIGNED;
			case START -> CaseEvent.Kind.STARTED;
			case RESOLVE -> CaseEvent.Kind.RESOLVED;
			case CLOSE -> CaseEvent.Kind.CLOSED;
			case REOPEN -> CaseEvent.Kind.REOPENED;
			case MERGE -> CaseEvent.Kind.MERGED;
			case DECLINE -> CaseEvent.Kind.DECLINED;
		};
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static String requireReason(@Nullable String reason) {
		String why = blankToNull(reason);
		if (why == null) {
			throw new CaseRuleException("case.reason.required");
		}
		return why;
	}

	private static BigDecimal positive(@Nullable BigDecimal amount) {
		if (amount == null) {
			throw new CaseRuleException("validation.required");
		}
		if (amount.signum() <= 0) {
			throw new CaseRuleException("case.funding.positive");
		}
		return amount;
	}

	private static void putIfPresent(Map<String, Object> data, String key, @Nullable String value) {
		String v = blankToNull(value);
		if (v != null) {
			data.put(key, v);
		}
	}

}
