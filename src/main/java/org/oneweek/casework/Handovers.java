package org.oneweek.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Hand-over between terms: at the end of a term every open case of the village passes to
 * the village's next term, whose team acknowledges them on their first morning. A case is
 * never without a responsible team, however many weeks it stays open.
 */
@Service
public class Handovers {

	private final JdbcClient jdbc;

	private final Terms terms;

	private final CaseStore store;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	Handovers(JdbcClient jdbc, Terms terms, CaseStore store, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.store = store;
		this.events = events;
		this.zone = clock.getZone();
	}

	/**
	 * The team (or the department) hands over the term's open cases to the village's next
	 * term from the ledger's own page. The hand-over is announced
	 * ({@link CasesHandedOver}) so that the diary fixes the term's report.
	 * @throws CaseRuleException when there is no next term yet, or it was handed over
	 */
	@Transactional
	public Handover handOver(HandOverCases command, AccountPrincipal me, Instant now) {
		Handover made = handOverQuietly(command, me, now);
		announce(made);
		return made;
	}

	/**
	 * {@link #handOver} for a caller that fixes the term's report itself, in the same
	 * transaction (the diary's hand-over report): nothing is announced.
	 */
	@Transactional
	public Handover handOverQuietly(HandOverCases command, AccountPrincipal me, Instant now) {
		Term from = term(command.fromTerm());
		MemberId memberId = me.memberId();
		boolean onTeam = memberId != null && me.has(Role.SECRETARY) && from.hasMember(memberId);
		if (!onTeam && !me.has(Role.ORG_ADMIN)) {
			throw new CaseAccessDeniedException("hand-over of term " + from.id());
		}
		Term to = nextTerm(from).orElseThrow(() -> new CaseRuleException("case.handover.noNextTerm"));
		return create(from, to, command.note(), Actor.of(me), now)
			.orElseThrow(() -> new CaseRuleException("case.handover.done"));
	}

	/**
	 * Hands over, as the system, the terms that ended before {@code now} and were not
	 * handed over by their team, if the village's next term is published. Safe to run on
	 * several instances at once: a term is handed over once.
	 * @return the hand-overs made
	 */
	@Transactional
	public List<Handover> handOverEndedTerms(Instant now, int weeksBack) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<Handover> made = new ArrayList<>();
		for (int week = 1; week <= weeksBack; week++) {
			for (Term from : terms.inWeek(today.minusWeeks(week))) {
				if (from.weekEnd().isBefore(today) && handoverFrom(from.id()).isEmpty()) {
					nextTerm(from).flatMap((to) -> create(from, to, null, Actor.SYSTEM, now)).ifPresent((h) -> {
						announce(h);
						made.add(h);
					});
				}
			}
		}
		return made;
	}

	private void announce(Handover h) {
		events.publishEvent(new CasesHandedOver(h.id(), h.villageId(), h.fromTermId(), h.toTermId(),
				h.items().stream().map(Handover.Item::caseId).toList()));
	}

	private Optional<Handover> create(Term from, Term to, @Nullable String note, Actor by, Instant now) {
		Long inserted = jdbc.sql("""
				insert into case_handover (village_id, from_term_id, to_term_id, created_at, created_by, note)
				values (?, ?, ?, ?, ?, ?) on conflict (from_term_id) do nothing returning id""")
			.params(from.villageId().value(), from.id().value(), to.id().value(), Timestamp.from(now), by.name(),
					blankToNull(note))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (inserted == null) {
			return Optional.empty();
		}
		HandoverId id = HandoverId.of(inserted);
		for (CaseFile file : store.lockOpenInVillage(from.villageId(), to.id())) {
			jdbc.sql("insert into case_handover_item (handover_id, case_id, state) values (?, ?, ?)")
				.params(id.value(), file.id().value(), file.state().name())
				.update();
			file.handTo(id, from.id(), to.id(), by, now);
			store.save(file);
		}
		return handover(id);
	}

	/** The next term's team (or the department) acknowledges what it received. */
	@Transactional
	public void acknowledge(HandoverId handoverId, AccountPrincipal me, Instant now) {
		Handover handover = handover(handoverId).orElseThrow(() -> new CaseNotFoundException("hand-over"));
		Term to = term(handover.toTermId());
		MemberId memberId = me.memberId();
		boolean onTeam = memberId != null && me.has(Role.SECRETARY) && to.hasMember(memberId);
		if (!onTeam && !me.has(Role.ORG_ADMIN)) {
			throw new CaseAccessDeniedException("hand-over " + handoverId);
		}
		int changed = jdbc.sql("""
				update case_handover set acknowledged_at = ?, acknowledged_by = ?
				where id = ? and acknowledged_at is null""")
			.params(Timestamp.from(now), me.displayName(), handoverId.value())
			.update();
		if (changed == 0) {
			throw new CaseRuleException("case.handover.acknowledged.already");
		}
		for (Handover.Item item : handover.items()) {
			CaseFile file = store.lock(item.caseId());
			file.acknowledgeHandover(handoverId, Actor.of(me), now);
			store.save(file);
		}
	}

	@Transactional(readOnly = true)
	public Optional<Handover> handover(HandoverId id) {
		return jdbc.sql("select * from case_handover where id = ?").param(id.value()).query((rs, n) -> {
			Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
			return new Handover(HandoverId.of(rs.getLong("id")), VillageId.of(rs.getLong("village_id")),
					TermId.of(rs.getLong("from_term_id")), TermId.of(rs.getLong("to_term_id")),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("note"),
					(acknowledged != null) ? acknowledged.toInstant() : null, rs.getString("acknowledged_by"),
					List.of());
		})
			.optional()
			.map((h) -> new Handover(h.id(), h.villageId(), h.fromTermId(), h.toTermId(), h.createdAt(), h.createdBy(),
					h.note(), h.acknowledgedAt(), h.acknowledgedBy(), items(h.id())));
	}

	@Transactional(readOnly = true)
	public Optional<Handover> handoverFrom(TermId fromTerm) {
		return jdbc.sql("select id from case_handover where from_term_id = ?")
			.param(fromTerm.value())
			.query(Long.class)
			.optional()
			.flatMap((id) -> handover(HandoverId.of(id)));
	}

	/** Hand-overs to a term, newest first. */
	@Transactional(readOnly = true)
	public List<Handover> handoversTo(TermId toTerm) {
		return jdbc.sql("select id from case_handover where to_term_id = ? order by id desc")
			.param(toTerm.value())
			.query(Long.class)
			.list()
			.stream()
			.flatMap((id) -> handover(HandoverId.of(id)).stream())
			.toList();
	}

	/**
	 * Hand-overs waiting for the member's acknowledgement: to their current or a coming
	 * term (a village's next term may be weeks ahead; its team sees what waits for it). A
	 * hand-over of no cases asks nothing of anyone and is not shown.
	 */
	@Transactional(readOnly = true)
	public List<Handover> waitingFor(MemberId member, LocalDate today) {
		List<Handover> waiting = new ArrayList<>();
		for (Term term : terms.allOfMember(member)) {
			if (!term.weekEnd().isBefore(today)) {
				handoversTo(term.id()).stream()
					.filter((h) -> !h.acknowledged() && !h.items().isEmpty())
					.forEach(waiting::add);
			}
		}
		return waiting;
	}

	private List<Handover.Item> items(HandoverId handoverId) {
		return jdbc.sql("select case_id, state from case_handover_item where handover_id = ? order by case_id")
			.param(handoverId.value())
			.query((rs, n) -> new Handover.Item(CaseId.of(rs.getLong("case_id")),
					CaseState.valueOf(rs.getString("state"))))
			.list();
	}

	/** The village's first term that starts after the given one. */
	public Optional<Term> nextTerm(Term from) {
		return terms.allOfVillage(from.villageId())
			.stream()
			.filter((t) -> t.weekStart().isAfter(from.weekStart()))
			.reduce((later, earlier) -> earlier);
	}

	private Term term(TermId termId) {
		return terms.byId(termId).orElseThrow(() -> new CaseNotFoundException("term " + termId));
	}

}
