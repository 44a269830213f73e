package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.oneweek.places.VillageId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the "today" page shows of the ledger, for each role: the troubleshooter's urgent
 * list, the team's open cases and hand-over to acknowledge, the unit's referred cases,
 * the committee's open cases, the department's overdue count.
 */
@Service
@Transactional(readOnly = true)
public class CaseDashboard {

	private static final int LIMIT = 20;

	private final CaseAccess access;

	private final CaseInquiries inquiries;

	private final Handovers handovers;

	private final Clock clock;

	CaseDashboard(CaseAccess access, CaseInquiries inquiries, Handovers handovers, Clock clock) {
		this.access = access;
		this.inquiries = inquiries;
		this.handovers = handovers;
		this.clock = clock;
	}

	/** The cards of one person's day. */
	public record Cards(List<Case> urgent, @Nullable VillageId termVillageId, List<Case> termCases,
			List<Handover> handovers, List<Case> unitCases, List<Case> committeeCases, @Nullable Long overdue,
			boolean canRecord, boolean troubleshooter, Instant now, java.time.ZoneId zone) {

	}

	public Cards cards(AccountPrincipal me) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		Standing standing = access.standing(me, today);
		List<Case> urgent = inquiries.troubleshooterList(standing, LIMIT);
		VillageId termVillage = (standing.term() != null) ? standing.term().villageId() : null;
		List<Case> termCases = (termVillage != null) ? inquiries.openOfVillage(termVillage, LIMIT) : List.of();
		MemberId memberId = me.memberId();
		UnitId unitId = me.unitId();
		VillageId villageId = me.villageId();
		List<Handover> waiting = (memberId != null && me.has(Role.SECRETARY)) ? handovers.waitingFor(memberId, today)
				: List.of();
		List<Case> unitCases = (me.has(Role.UNIT) && unitId != null) ? inquiries.openOfUnit(unitId, LIMIT) : List.of();
		List<Case> committeeCases = (me.has(Role.COMMITTEE) && villageId != null)
				? inquiries.openOfVillage(villageId, LIMIT) : List.of();
		Long overdue = me.has(Role.ORG_ADMIN) ? inquiries.overdueCount(now) : null;
		boolean canRecord = me.has(Role.ORG_ADMIN) || standing.term() != null || standing.duty() != null
				|| (me.has(Role.COMMITTEE) && me.villageId() != null);
		return new Cards(urgent, termVillage, termCases, waiting, unitCases, committeeCases, overdue, canRecord,
				standing.duty() != null, now, clock.getZone());
	}

}
