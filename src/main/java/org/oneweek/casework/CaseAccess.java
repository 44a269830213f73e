package org.oneweek.casework;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with a case, decided on the server for every record (shared/DESIGN.md;
 * the whole table is in docs/SECURITY.md, "Cases: who may do what"): the organization
 * department everything; a secretary works on the cases of the term's village during the
 * term and afterwards only reads what they recorded or their team held; the
 * troubleshooter works on the urgent and emergency cases of their street in their duty
 * week, and on cases assigned to them, and reads the street's other cases; the village
 * committee reads its village's cases, records new ones, notes progress, adds photos and
 * enlists villagers, and works on the cases assigned to the committee; a unit works on
 * the cases referred to it. Only the organization department records that funding was
 * approved (the district grants it), and only the team (the term's secretaries, the
 * troubleshooter on an urgent case, the department) assigns, closes, reopens, declines or
 * merges a case.
 */
@Component
public class CaseAccess {

	/** What one may do to a case. */
	public enum Operation {

		/** Read the case and its timeline. */
		READ(null),
		/** Assign (or reassign) it, change its urgency. */
		ASSIGN(CaseLifecycle.Action.ASSIGN),
		/** The responsible person starts work. */
		START(CaseLifecycle.Action.START),
		/** A progress note, public or internal, with a percentage. */
		NOTE(null),
		/** A photo, before or after. */
		PHOTO(null),
		/** Solved, with the result. */
		RESOLVE(CaseLifecycle.Action.RESOLVE),
		/** Closed after the callback. */
		CLOSE(CaseLifecycle.Action.CLOSE),
		/** Opened again. */
		REOPEN(CaseLifecycle.Action.REOPEN),
		/** Declined with a reason. */
		DECLINE(CaseLifecycle.Action.DECLINE),
		/** Merged into another case of the village. */
		MERGE(CaseLifecycle.Action.MERGE),
		/** Money asked for. */
		REQUEST_FUNDING(null),
		/** Money granted, recorded with who approved it. */
		APPROVE_FUNDING(null),
		/** Villagers enlisted to help (the bulletin's tasks for villagers). */
		ENLIST(null),
		/** The public title set from the request's own words, once read. */
		PUBLISH_TITLE(null);

		private final CaseLifecycle.@Nullable Action action;

		Operation(CaseLifecycle.@Nullable Action action) {
			this.action = action;
		}

		/** The lifecycle action this operation is, if it changes the case's state. */
		public CaseLifecycle.@Nullable Action action() {
			return action;
		}

		public static Operation of(CaseLifecycle.Action action) {
			for (Operation operation : values()) {
				if (operation.action == action) {
					return operation;
				}
			}
			throw new IllegalArgumentException(action.name());
		}

	}

	/** What a person may do with one case: one row of the table in docs/SECURITY.md. */
	public enum Permission {

		/** Nothing: not even that the case exists beyond its number. */
		NONE(),
		/** Read the case and its timeline. */
		READ(Operation.READ),
		/** A unit, on a case referred to it: progress, notes, photos, resolution. */
		UNIT(Operation.READ, Operation.START, Operation.NOTE, Operation.PHOTO, Operation.RESOLVE),
		/** The village committee on its village's cases: progress, photos, villagers. */
		COMMITTEE(Operation.READ, Operation.NOTE, Operation.PHOTO, Operation.ENLIST, Operation.PUBLISH_TITLE),
		/**
		 * The village committee on a case assigned to the committee: it also works on it.
		 */
		COMMITTEE_ASSIGNED(Operation.READ, Operation.NOTE, Operation.PHOTO, Operation.ENLIST, Operation.PUBLISH_TITLE,
				Operation.START, Operation.RESOLVE),
		/** The team on the case: every action but recording an approval of funding. */
		TEAM(EnumSet.complementOf(EnumSet.of(Operation.APPROVE_FUNDING))),
		/** The organization department: every action. */
		FULL(EnumSet.allOf(Operation.class));

		private final EnumSet<Operation> operations;

		Permission(Operation... operations) {
			this.operations = EnumSet.noneOf(Operation.class);
			this.operations.addAll(List.of(operations));
		}

		Permission(EnumSet<Operation> operations) {
			this.operations = EnumSet.copyOf(operations);
		}

		public boolean allows(Operation operation) {
			return operations.contains(operation);
		}

		/** What this permission allows, for pages and tests. */
		public Set<Operation> operations() {
			return EnumSet.copyOf(operations);
		}

		public boolean canRead() {
			return allows(Operation.READ);
		}

		/** Whether one may work on the case at all (a note at least). */
		public boolean canWork() {
			return allows(Operation.NOTE);
		}

	}

	private final Terms terms;

	private final JdbcClient jdbc;

	CaseAccess(Terms terms, JdbcClient jdbc) {
		this.terms = terms;
		this.jdbc = jdbc;
	}

	/** The person's standing on a given day: their term and duty, looked up once. */
	public Standing standing(AccountPrincipal me, LocalDate today) {
		MemberId memberId = me.memberId();
		Term term = null;
		TroubleshooterDuty duty = null;
		if (memberId != null) {
			if (me.has(Role.SECRETARY)) {
				term = terms.ofMember(memberId, today).orElse(null);
			}
			if (me.has(Role.TROUBLESHOOTER)) {
				duty = terms.dutyOf(memberId, today).orElse(null);
			}
		}
		return new Standing(me, today, term, duty);
	}

	@Transactional(readOnly = true)
	public Permission permission(AccountPrincipal me, Case c, LocalDate today) {
		return permission(standing(me, today), c);
	}

	@Transactional(readOnly = true)
	public Permission permission(Standing s, Case c) {
		AccountPrincipal me = s.me();
		if (me.has(Role.ORG_ADMIN)) {
			return Permission.FULL;
		}
		if (s.term() != null && s.term().villageId().equals(c.villageId())) {
			return Permission.TEAM;
		}
		if (s.duty() != null && s.duty().townshipId().equals(c.townshipId())
				&& (c.urgency().goesToTroubleshooter() || assignedTo(c, s.duty().memberId()))) {
			return Permission.TEAM;
		}
		if (me.has(Role.COMMITTEE) && c.villageId().equals(me.villageId())) {
			return (c.assignee() != null && c.assignee().kind() == AssigneeKind.COMMITTEE)
					? Permission.COMMITTEE_ASSIGNED : Permission.COMMITTEE;
		}
		if (me.has(Role.UNIT) && me.unitId() != null && c.assignee() != null
				&& me.unitId().equals(c.assignee().unitId())) {
			return Permission.UNIT;
		}
		if (s.duty() != null && s.duty().townshipId().equals(c.townshipId())) {
			// the street's other cases: the troubleshooter sees them, the team works on
			// them
			return Permission.READ;
		}
		if (readsAfterwards(s, c)) {
			return Permission.READ;
		}
		return Permission.NONE;
	}

	private static boolean assignedTo(Case c, MemberId memberId) {
		return c.assignee() != null && c.assignee().kind() == AssigneeKind.TROUBLESHOOTER
				&& memberId.equals(c.assignee().memberId());
	}

	/** Whether the person may start a new case in the village today. */
	public boolean canRecordIn(Standing s, VillageId villageId, TownshipId townshipId) {
		AccountPrincipal me = s.me();
		return me.has(Role.ORG_ADMIN) || (me.has(Role.COMMITTEE) && villageId.equals(me.villageId()))
				|| (s.term() != null && s.term().villageId().equals(villageId))
				|| (s.duty() != null && s.duty().townshipId().equals(townshipId));
	}

	/**
	 * Whether the person may see who reported the case: the team of the term that heard
	 * it or holds it now, the team serving in the village, the committee and the
	 * department. Not a troubleshooter as such, not a unit.
	 */
	@Transactional(readOnly = true)
	public boolean canSeeReporter(Standing s, Case c) {
		AccountPrincipal me = s.me();
		if (me.has(Role.ORG_ADMIN)) {
			return true;
		}
		if (me.has(Role.COMMITTEE) && c.villageId().equals(me.villageId())) {
			return true;
		}
		if (s.term() != null && s.term().villageId().equals(c.villageId())) {
			return true;
		}
		MemberId memberId = me.memberId();
		return memberId != null && me.has(Role.SECRETARY) && onTeamOf(memberId, c);
	}

	/**
	 * {@link #canSeeReporter} for many cases at once (an export): the person's terms are
	 * looked up once.
	 */
	@Transactional(readOnly = true)
	public java.util.function.Predicate<Case> reporterVisibility(Standing s) {
		AccountPrincipal me = s.me();
		MemberId memberId = me.memberId();
		List<TermId> termIds = (memberId != null && me.has(Role.SECRETARY))
				? terms.allOfMember(memberId).stream().map(Term::id).toList() : List.of();
		return (c) -> me.has(Role.ORG_ADMIN) || (me.has(Role.COMMITTEE) && c.villageId().equals(me.villageId()))
				|| (s.term() != null && s.term().villageId().equals(c.villageId()))
				|| (c.receivedTermId() != null && termIds.contains(c.receivedTermId()))
				|| (c.responsibleTermId() != null && termIds.contains(c.responsibleTermId()));
	}

	private boolean readsAfterwards(Standing s, Case c) {
		AccountPrincipal me = s.me();
		MemberId memberId = me.memberId();
		if (memberId != null) {
			if (memberId.equals(c.recordedByMember())) {
				return true;
			}
			if (c.assignee() != null && memberId.equals(c.assignee().memberId())) {
				return true;
			}
			if (me.has(Role.SECRETARY) && onTeamOf(memberId, c)) {
				return true;
			}
		}
		UnitId unitId = me.unitId();
		if (me.has(Role.UNIT) && unitId != null) {
			return jdbc.sql("""
					select exists (select 1 from case_event where case_id = ? and kind = 'ASSIGNED'
					               and data ->> 'unitId' = ?)""")
				.params(c.id().value(), String.valueOf(unitId.value()))
				.query(Boolean.class)
				.single();
		}
		return false;
	}

	private boolean onTeamOf(MemberId memberId, Case c) {
		List<TermId> termIds = terms.allOfMember(memberId).stream().map(Term::id).toList();
		return (c.receivedTermId() != null && termIds.contains(c.receivedTermId()))
				|| (c.responsibleTermId() != null && termIds.contains(c.responsibleTermId()));
	}

	/**
	 * A person's standing on a day.
	 *
	 * @param term the term they serve in that day, if any
	 * @param duty their troubleshooter duty that day, if any
	 */
	public record Standing(AccountPrincipal me, LocalDate today, @Nullable Term term,
			@Nullable TroubleshooterDuty duty) {

		public Optional<Term> currentTerm() {
			return Optional.ofNullable(term);
		}

	}

}
