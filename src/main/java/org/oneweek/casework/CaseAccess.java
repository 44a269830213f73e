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
 * Who may do what with a case, decided on the server for every record (shared/DESIGN.md):
 * a secretary works on the cases of the term's village during the term and afterwards
 * only reads what they recorded; the troubleshooter works on the cases of their area in
 * their duty week; the committee on its village's cases; a unit on the cases referred to
 * it; the organization department on everything.
 */
@Component
public class CaseAccess {

	/** What a person may do with one case. */
	public enum Permission {

		/** Nothing: not even that the case exists beyond its number. */
		NONE,
		/** Read the case and its timeline. */
		READ,
		/** Work on a case referred to one's unit: progress, notes, photos, resolution. */
		UNIT,
		/** Every action. */
		FULL;

		public boolean canRead() {
			return this != NONE;
		}

		public boolean canWork() {
			return this == UNIT || this == FULL;
		}

	}

	/** What a unit may do with a case referred to it. */
	static final Set<CaseLifecycle.Action> UNIT_ACTIONS = EnumSet.of(CaseLifecycle.Action.START,
			CaseLifecycle.Action.RESOLVE);

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
		if (me.has(Role.COMMITTEE) && c.villageId().equals(me.villageId())) {
			return Permission.FULL;
		}
		if (s.term() != null && s.term().villageId().equals(c.villageId())) {
			return Permission.FULL;
		}
		if (s.duty() != null && s.duty().townshipId().equals(c.townshipId())) {
			return Permission.FULL;
		}
		if (me.has(Role.UNIT) && me.unitId() != null && c.assignee() != null
				&& me.unitId().equals(c.assignee().unitId())) {
			return Permission.UNIT;
		}
		if (readsAfterwards(s, c)) {
			return Permission.READ;
		}
		return Permission.NONE;
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
