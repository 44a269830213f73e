package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.Intake;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Members;
import org.oneweek.places.District;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Digests;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records new cases: checks that the person may record in the village today, gives the
 * case its deadlines and the term that holds it, writes it in one statement with its
 * reference number, and sends an urgent case straight to the troubleshooter on duty.
 */
@Service
public class CaseIntake {

	private final CaseStore store;

	private final Cases cases;

	private final CaseAccess access;

	private final Deadlines deadlines;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final ZoneId zone;

	CaseIntake(CaseStore store, Cases cases, CaseAccess access, Deadlines deadlines, Places places, Terms terms,
			Members members, Clock clock) {
		this.store = store;
		this.cases = cases;
		this.access = access;
		this.deadlines = deadlines;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.zone = clock.getZone();
	}

	/**
	 * A case just recorded, or the one an earlier identical request recorded.
	 *
	 * @param caseFile the case as it stands after the intake
	 */
	public record Recorded(CaseId id, String reference, boolean repeated, Case caseFile) {

	}

	/**
	 * Records a new case. With an idempotency key, the same request sent again (a double
	 * tap, a retry after a lost answer) returns the case it created the first time.
	 * @throws CaseAccessDeniedException when the person may not record cases in the
	 * village
	 * @throws CaseRuleException when the key was used for a different request, or a value
	 * is unknown
	 */
	@Transactional
	public Recorded record(RecordCase command, AccountPrincipal me, Instant now) {
		return record(command, null, me, now);
	}

	/** How many reference numbers a phone holds for recording without signal. */
	public static final int RESERVED = 10;

	/**
	 * Reference numbers for the person's phone, to give villagers while it has no signal:
	 * the free ones they hold, topped up to {@link #RESERVED}. Only for someone who may
	 * record a case in the village today.
	 * @throws CaseAccessDeniedException when they may not
	 */
	@Transactional
	public List<String> reserve(VillageId villageId, AccountPrincipal me, Instant now) {
		Village village = places.village(villageId).orElseThrow(() -> new CaseRuleException("case.village.unknown"));
		Township township = places.township(village.townshipId()).orElseThrow();
		Standing standing = access.standing(me, LocalDate.ofInstant(now, zone));
		if (!access.canRecordIn(standing, village.id(), township.id())) {
			throw new CaseAccessDeniedException("reference numbers for village " + village.id());
		}
		District district = places.district(township.districtId()).orElseThrow();
		return store.reserve(me.accountId(), district.casePrefix(), now.atZone(zone).getYear(), RESERVED, now);
	}

	/**
	 * Records a case under a number reserved for the person's phone earlier, when it is
	 * theirs and still free (a phone that recorded without signal gave it to the
	 * villager); else under the next number.
	 */
	@Transactional
	public Recorded record(RecordCase command, @Nullable String reservedReference, AccountPrincipal me, Instant now) {
		Village village = places.village(command.village())
			.orElseThrow(() -> new CaseRuleException("case.village.unknown"));
		Township township = places.township(village.townshipId()).orElseThrow();
		LocalDate today = LocalDate.ofInstant(now, zone);
		Standing standing = access.standing(me, today);
		if (!access.canRecordIn(standing, village.id(), township.id())) {
			throw new CaseAccessDeniedException("new case in village " + village.id());
		}
		CaseCategory category = cases.category(command.category())
			.filter(CaseCategory::active)
			.orElseThrow(() -> new CaseRuleException("case.category.unknown"));
		District district = places.district(township.districtId()).orElseThrow();
		Term receivedTerm = terms.ofVillage(village.id(), today).orElse(null);
		TermId responsibleTerm = (receivedTerm != null) ? receivedTerm.id() : standingTerm(village.id(), today);
		Actor by = Actor.of(me);
		Intake intake = Intake.of(command.village(), township.id(), (receivedTerm != null) ? receivedTerm.id() : null,
				responsibleTerm, command.source(), command.type(), category.code(), command.urgency(), command.title(),
				command.description(), command.location(), command.publicTitle(), now, deadlines::due, by,
				me.memberId(), command.meetingId());
		CaseStore.Claim claim = (command.idempotencyKey() != null) ? new CaseStore.Claim(me.accountId(),
				command.idempotencyKey(), Digests.sha256Hex(command.fingerprint())) : null;
		Case inserted = store
			.insert(intake, district.casePrefix(), command.reporter(), claim,
					store.searchTerms(intake.title(), command.description(), command.location(), category,
							village.name()),
					reservedReference)
			.orElse(null);
		if (inserted == null) {
			return earlier(java.util.Objects.requireNonNull(claim));
		}
		if (command.urgency().goesToTroubleshooter()) {
			inserted = sendToTroubleshooter(inserted, by, now, today);
		}
		return new Recorded(inserted.id(), inserted.reference(), false, inserted);
	}

	/**
	 * The case an earlier request with the same key recorded, if it was the same request.
	 */
	private Recorded earlier(CaseStore.Claim claim) {
		CaseId caseId = store.claimed(claim).orElse(null);
		if (caseId == null) {
			throw new CaseRuleException("case.idempotency.mismatch");
		}
		Case c = cases.byId(caseId).orElseThrow();
		return new Recorded(c.id(), c.reference(), true, c);
	}

	/**
	 * An urgent case goes to the troubleshooter on duty in the street, if there is one.
	 */
	private Case sendToTroubleshooter(Case inserted, Actor by, Instant now, LocalDate today) {
		TroubleshooterDuty duty = terms.dutyOfTownship(inserted.townshipId(), today).orElse(null);
		if (duty == null) {
			return inserted;
		}
		String name = members.member(duty.memberId()).map((m) -> m.name()).orElse("");
		// written in this transaction, so nobody else can hold it
		CaseFile file = CaseFile.of(inserted);
		file.assign(new Case.Assignee(AssigneeKind.TROUBLESHOOTER, duty.memberId(), null, name), null, null, "urgent",
				deadlines::due, by, now);
		return store.save(file);
	}

	/**
	 * The term that holds a village's cases when no team serves there this week: the next
	 * published one, else the last one.
	 */
	private @Nullable TermId standingTerm(VillageId villageId, LocalDate today) {
		List<Term> all = terms.allOfVillage(villageId);
		Term next = null;
		for (Term term : all) {
			if (term.weekStart().isAfter(today)) {
				next = term;
			}
			else {
				return (next != null) ? next.id() : term.id();
			}
		}
		return (next != null) ? next.id() : null;
	}

}
