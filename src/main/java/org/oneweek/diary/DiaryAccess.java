package org.oneweek.diary;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read what the diary module keeps, decided for every record: the organization
 * department reads every diary; a team reads its own diaries, meetings and inspections
 * and those of its village's previous teams; the public never does. A hand-over report is
 * also kept with the village's records, so the village committee and every team of the
 * village read it.
 */
@Component
public class DiaryAccess {

	private final Terms terms;

	DiaryAccess(Terms terms) {
		this.terms = terms;
	}

	/** Whether the person is a secretary of the term's team. */
	public boolean onTeam(AccountPrincipal me, Term term) {
		MemberId memberId = me.memberId();
		return memberId != null && me.has(Role.SECRETARY) && term.hasMember(memberId);
	}

	/**
	 * The term the person serves on that day, for recording a meeting or an inspection.
	 * @throws DiaryAccessDeniedException when they are on no team that day
	 */
	@Transactional(readOnly = true)
	public Term teamTermOn(AccountPrincipal me, @Nullable LocalDate day) {
		MemberId memberId = me.memberId();
		Term term = (memberId != null && day != null) ? terms.ofMember(memberId, day).orElse(null) : null;
		if (term == null || !onTeam(me, term)) {
			throw new DiaryAccessDeniedException("no team on " + day);
		}
		return term;
	}

	/** Whether the person is the lead of the term's team. */
	public boolean leads(AccountPrincipal me, Term term) {
		return onTeam(me, term) && term.leadId().equals(me.memberId());
	}

	/**
	 * Diaries, meetings and inspections of a term: the department, the team, and the
	 * teams of the same village in that week or later.
	 */
	@Transactional(readOnly = true)
	public boolean canRead(AccountPrincipal me, Term term) {
		if (me.has(Role.ORG_ADMIN) || onTeam(me, term)) {
			return true;
		}
		MemberId memberId = me.memberId();
		if (memberId == null || !me.has(Role.SECRETARY)) {
			return false;
		}
		return terms.allOfMember(memberId)
			.stream()
			.anyMatch((mine) -> mine.villageId().equals(term.villageId())
					&& !mine.weekStart().isBefore(term.weekStart()));
	}

	/**
	 * A term's hand-over report: the department, the village committee, and every team of
	 * the village (the next one first of all).
	 */
	@Transactional(readOnly = true)
	public boolean canReadReport(AccountPrincipal me, Term term) {
		if (me.has(Role.ORG_ADMIN) || onTeam(me, term)) {
			return true;
		}
		if (me.has(Role.COMMITTEE) && term.villageId().equals(me.villageId())) {
			return true;
		}
		MemberId memberId = me.memberId();
		return memberId != null && me.has(Role.SECRETARY)
				&& terms.allOfMember(memberId).stream().anyMatch((mine) -> mine.villageId().equals(term.villageId()));
	}

}
