package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.oneweek.places.Places;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to a case along its lifecycle: assign, start, note progress, resolve,
 * close after the callback, reopen, decline, merge, and the villagers' follow-ups from
 * the public pages. Each method checks who is asking (for this case, on this day), lets
 * the case apply its rules ({@code CaseFile}) and stores the result. Methods take the
 * instant of the change so that tests can move time; the web passes the district's clock.
 */
@Service
public class CaseActions {

	private final CaseChanges changes;

	private final CaseStore store;

	private final Cases cases;

	private final Deadlines deadlines;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final Units units;

	private final ZoneId zone;

	private final CaseAccess access;

	CaseActions(CaseAccess access, CaseChanges changes, CaseStore store, Cases cases, Deadlines deadlines,
			Places places, Terms terms, Members members, Units units, Clock clock) {
		this.access = access;
		this.changes = changes;
		this.store = store;
		this.cases = cases;
		this.deadlines = deadlines;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.units = units;
		this.zone = clock.getZone();
	}

	/** Assigns (or reassigns) a case, and raises or lowers its urgency if asked. */
	@Transactional
	public void assign(String reference, AssignCase command, AccountPrincipal me, Instant now) {
		// villagers enlisted by the committee may be made responsible by it
		// (docs/SECURITY.md)
		CaseFile file = changes
			.open(reference, me, now, Operation.ASSIGN,
					(command.kind() == AssigneeKind.GROUP) ? Operation.ENLIST : Operation.ASSIGN)
			.file();
		Case.Assignee assignee = assignee(file.toCase(), command, LocalDate.ofInstant(now, zone));
		file.assign(assignee, command.urgency(), command.reason(), null, deadlines::due, Actor.of(me), now);
		store.save(file);
	}

	private Case.Assignee assignee(Case c, AssignCase command, LocalDate today) {
		AssigneeKind kind = command.kind();
		return switch (kind) {
			case SECRETARY -> {
				Term term = terms.ofVillage(c.villageId(), today).orElse(null);
				MemberId memberId = command.member();
				if (memberId == null || term == null || !term.hasMember(memberId)) {
					throw new CaseRuleException("case.assign.notOnTeam");
				}
				yield new Case.Assignee(kind, memberId, null, members.member(memberId).orElseThrow().name());
			}
			case TROUBLESHOOTER -> {
				TroubleshooterDuty duty = terms.dutyOfTownship(c.townshipId(), today)
					.orElseThrow(() -> new CaseRuleException("case.assign.noTroubleshooter"));
				yield new Case.Assignee(kind, duty.memberId(), null,
						members.member(duty.memberId()).orElseThrow().name());
			}
			case COMMITTEE -> new Case.Assignee(kind, null, null, places.village(c.villageId()).orElseThrow().name());
			case GROUP -> {
				if (command.groupName() == null) {
					throw new CaseRuleException("case.assign.groupRequired");
				}
				yield new Case.Assignee(kind, null, null, command.groupName());
			}
			case UNIT -> {
				if (command.unit() == null) {
					throw new CaseRuleException("case.assign.unitRequired");
				}
				UnitId unitId = command.unit();
				yield new Case.Assignee(kind, null, unitId,
						units.unit(unitId).orElseThrow(() -> new CaseRuleException("case.assign.unitRequired")).name());
			}
		};
	}

	/**
	 * Makes {@code title} the case's public title: the reviewed words of a request from
	 * another system (the village committee, the team or the department).
	 */
	@Transactional
	public void publishTitle(String reference, @Nullable String title, AccountPrincipal me, Instant now) {
		CaseFile file = changes.open(reference, me, now, Operation.PUBLISH_TITLE).file();
		file.publishTitle(title, Actor.of(me), now);
		store.save(file);
	}

	/** The responsible person has contacted the villager and started work. */
	@Transactional
	public void start(String reference, @Nullable String note, AccountPrincipal me, Instant now) {
		CaseFile file = changes.open(reference, me, now, Operation.START).file();
		file.start(note, Actor.of(me), now);
		store.save(file);
	}

	/** A progress note, public (shown on the board) or internal, with a percentage. */
	@Transactional
	public void note(String reference, AddNote command, AccountPrincipal me, Instant now) {
		if (command.text() == null && command.progress() == null) {
			throw new CaseRuleException("case.note.empty");
		}
		CaseFile file = changes.open(reference, me, now, Operation.NOTE).file();
		file.note(command.text(), command.isPublic(), command.progress(), Actor.of(me), now);
		store.save(file);
	}

	/** Solved: what was done, shown on the board. */
	@Transactional
	public void resolve(String reference, ResolveCase command, AccountPrincipal me, Instant now) {
		if (command.result() == null) {
			throw new CaseRuleException("case.resolve.resultRequired");
		}
		CaseFile file = changes.open(reference, me, now, Operation.RESOLVE).file();
		file.resolve(command.result(), Actor.of(me), now);
		store.save(file);
	}

	/** The callback: the villager's satisfaction closes the case. */
	@Transactional
	public void close(String reference, CloseCase command, AccountPrincipal me, Instant now) {
		if (command.satisfaction() == null) {
			throw new CaseRuleException("case.close.satisfactionRequired");
		}
		CaseFile file = changes.open(reference, me, now, Operation.CLOSE).file();
		file.close(command.satisfaction(), command.comment(), Actor.of(me), now);
		store.save(file);
	}

	/**
	 * Not solved after all (the callback, or the villager came back): work starts again.
	 */
	@Transactional
	public void reopen(String reference, @Nullable String reason, AccountPrincipal me, Instant now) {
		requireReason(reason);
		CaseFile file = changes.open(reference, me, now, Operation.REOPEN).file();
		file.reopen(reason, deadlines::due, Actor.of(me), now);
		store.save(file);
	}

	/** Declined with a reason (e.g. referred elsewhere, not a matter for the program). */
	@Transactional
	public void decline(String reference, @Nullable String reason, AccountPrincipal me, Instant now) {
		requireReason(reason);
		CaseFile file = changes.open(reference, me, now, Operation.DECLINE).file();
		file.decline(reason, Actor.of(me), now);
		store.save(file);
	}

	/** A duplicate of another case: merged into it, and the other case notes it. */
	@Transactional
	public void merge(String reference, @Nullable String intoReference, @Nullable String reason, AccountPrincipal me,
			Instant now) {
		if (intoReference == null || intoReference.isBlank()) {
			throw new CaseRuleException("casework.merge.targetRequired");
		}
		Case into = cases.byReference(intoReference)
			.orElseThrow(() -> new CaseRuleException("case.merge.unknownTarget", intoReference));
		CaseFile file = changes.open(reference, me, now, Operation.MERGE).file();
		// the case refuses itself as the target before anything is written
		CaseFile target = store.lock(into.id());
		if (!access.permission(me, target.toCase(), LocalDate.ofInstant(now, zone)).canWork()) {
			// the target's timeline gets an entry too: one must be able to write there
			throw new CaseAccessDeniedException(intoReference);
		}
		file.mergeInto(target, reason, Actor.of(me), now);
		store.save(file);
		store.save(target);
	}

	/**
	 * A villager's follow-up through the public pages (the bulletin board): appended to
	 * the timeline as a public entry without the villager's words or phone, which stay
	 * private with the follow-up. It never changes the case's state: "still not fixed" on
	 * a solved case is for the committee or the team to decide on, and only staff reopen.
	 * The public has no account: the entry carries {@link Actor#PUBLIC}.
	 * @param type the kind of follow-up, as the bulletin board names it
	 * @throws CaseNotFoundException when there is no such case
	 */
	@Transactional
	public void recordPublicFollowUp(String reference, String type, Instant now) {
		CaseFile file = store.lock(reference);
		file.followUp(type, now);
		store.save(file);
	}

	private static void requireReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new CaseRuleException("case.reason.required");
		}
	}

}
