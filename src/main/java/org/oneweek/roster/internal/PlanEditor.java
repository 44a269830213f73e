package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Ids;
import org.oneweek.roster.RosterConflictException;
import org.oneweek.roster.RosterEvents;
import org.oneweek.roster.Terms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organization department changes by hand: swapping two members, putting a
 * member on a post, pinning agreed terms, choosing the lead, removing a planned term,
 * publishing. A change to something already published is recorded in the roster's change
 * history and the members concerned get a notice.
 */
@Service
public class PlanEditor {

	private final JdbcClient jdbc;

	private final RosterPlanner planner;

	private final PlanReview review;

	private final AuditLog audit;

	private final Terms terms;

	private final Members members;

	private final ApplicationEventPublisher events;

	PlanEditor(JdbcClient jdbc, RosterPlanner planner, PlanReview review, AuditLog audit, Terms terms, Members members,
			ApplicationEventPublisher events) {
		this.events = events;
		this.terms = terms;
		this.members = members;
		this.jdbc = jdbc;
		this.planner = planner;
		this.review = review;
		this.audit = audit;
	}

	/** A term or duty as stored, locked for the change. */
	private record Held(Slot slot, LocalDate week, boolean published, @Nullable Long villageId,
			@Nullable Long townshipId, List<Long> team) {

	}

	/**
	 * Swaps the members of two slots (or moves a member into an empty seat).
	 * @throws RosterConflictException when a slot no longer holds that member, both are
	 * the same, or a member would be twice on one team
	 */
	@Transactional
	public void swap(Slot a, Slot b, String actor) {
		terms.changed();
		if (a.key().equals(b.key()) || (a.memberId() == null && b.memberId() == null && !a.duty() && !b.duty())) {
			throw new RosterConflictException("roster.swap.same");
		}
		Held first = hold(a);
		Held second = hold(b);
		Long memberA = current(first);
		Long memberB = current(second);
		if (Objects.equals(memberA, memberB)) {
			throw new RosterConflictException("roster.swap.same");
		}
		if (!first.slot().duty() && !second.slot().duty() && first.slot().id() == second.slot().id()) {
			throw new RosterConflictException("roster.swap.sameTeam");
		}
		replace(first, memberA, memberB, actor);
		replace(second, memberB, memberA, actor);
		audit.record("roster", a.key() + "<>" + b.key(), "swap", actor, values(memberA, memberB),
				values(memberB, memberA));
	}

	/** Puts a member on the slot in place of whoever is there. */
	@Transactional
	public void assign(Slot slot, long memberId, String actor) {
		terms.changed();
		if (!Ids.given(memberId, MemberId::of).flatMap(members::member).map(Member::active).orElse(false)) {
			throw new RosterConflictException("roster.assign.unknownMember");
		}
		Held held = hold(slot);
		Long before = current(held);
		if (Objects.equals(before, memberId)) {
			return;
		}
		replace(held, before, memberId, actor);
		audit.record("roster", slot.key(), "assign", actor, values(before, null), values(memberId, null));
	}

	@Transactional
	public void pin(Slot slot, boolean pinned, String actor) {
		terms.changed();
		Held held = hold(slot);
		if (held.published()) {
			throw new RosterConflictException("roster.pin.published");
		}
		jdbc.sql("update " + (slot.duty() ? "troubleshooter_duty" : "term") + " set pinned = ? where id = ?")
			.params(pinned, slot.id())
			.update();
		audit.record("roster", slot.key(), pinned ? "pin" : "unpin", actor, null, null);
	}

	@Transactional
	public void makeLead(long termId, long memberId, String actor) {
		terms.changed();
		Held held = hold(Slot.seat(termId, memberId));
		if (!held.team().contains(memberId)) {
			throw new RosterConflictException("roster.slot.changed");
		}
		jdbc.sql("update term_member set lead = false where term_id = ?").param(termId).update();
		jdbc.sql("update term_member set lead = true where term_id = ? and member_id = ?")
			.params(termId, memberId)
			.update();
		if (held.published()) {
			long change = change("LEAD", held, null, memberId, actor);
			notify(change, "LEAD", held, held.team());
		}
		audit.record("roster", "t:" + termId, "lead", actor, null, Map.of("lead", memberId));
	}

	/** Removes a planned (never a published) term. */
	@Transactional
	public void removePlanned(long termId, String actor) {
		terms.changed();
		Held held = hold(Slot.seat(termId, null));
		if (held.published()) {
			throw new RosterConflictException("roster.remove.published");
		}
		jdbc.sql("delete from term_member where term_id = ?").param(termId).update();
		jdbc.sql("delete from term where id = ? and state = 'PLANNED'").param(termId).update();
		audit.record("roster", "t:" + termId, "remove", actor, Map.of("team", held.team().toString()), null);
	}

	/**
	 * Publishes every planned term and duty of the range, if the roster keeps every hard
	 * rule; each member on them gets a notice.
	 * @return how many terms and duties were published
	 * @throws RosterConflictException when a run is planning the range or a hard rule is
	 * broken
	 */
	@Transactional
	public int publish(PlanRange range, String actor) {
		terms.changed();
		if (planner.activeOverlapping(range).isPresent()) {
			throw new RosterConflictException("roster.run.busyEdit");
		}
		jdbc.sql("select id from term where week_start between ? and ? and state = 'PLANNED' for update")
			.params(range.from(), range.to())
			.query(Long.class)
			.list();
		if (!review.review(range).feasible()) {
			throw new RosterConflictException("roster.publish.infeasible");
		}
		int published = 0;
		List<Long> terms = jdbc.sql("""
				update term set state = 'PUBLISHED', published_at = now(), pinned = false
				where state = 'PLANNED' and week_start between ? and ? returning id""")
			.params(range.from(), range.to())
			.query(Long.class)
			.list();
		for (long termId : terms) {
			Held held = hold(Slot.seat(termId, null));
			notify(change("PUBLISHED", held, null, null, actor), "PUBLISHED", held, held.team());
			published++;
		}
		List<Long> duties = jdbc.sql("""
				update troubleshooter_duty set state = 'PUBLISHED', published_at = now(), pinned = false
				where state = 'PLANNED' and week_start between ? and ? returning id""")
			.params(range.from(), range.to())
			.query(Long.class)
			.list();
		for (long dutyId : duties) {
			Held held = hold(Slot.duty(dutyId, null));
			notify(change("PUBLISHED", held, null, null, actor), "PUBLISHED", held, held.team());
			published++;
		}
		audit.record("roster", range.from() + ".." + range.to(), "publish", actor, null,
				Map.of("published", published));
		return published;
	}

	private Held hold(Slot slot) {
		if (slot.duty()) {
			return jdbc
				.sql("""
						select week_start, state, township_id, member_id from troubleshooter_duty where id = ? for update""")
				.param(slot.id())
				.query((rs, n) -> new Held(slot, rs.getObject("week_start", LocalDate.class),
						"PUBLISHED".equals(rs.getString("state")), null, rs.getLong("township_id"),
						List.of(rs.getLong("member_id"))))
				.optional()
				.filter((held) -> slot.memberId() == null || held.team().contains(slot.memberId()))
				.map(this::checkNotPlanning)
				.orElseThrow(() -> new RosterConflictException("roster.slot.changed"));
		}
		Held held = jdbc.sql("select week_start, state, village_id from term where id = ? for update")
			.param(slot.id())
			.query((rs, n) -> new Held(slot, rs.getObject("week_start", LocalDate.class),
					"PUBLISHED".equals(rs.getString("state")), rs.getLong("village_id"), null, new ArrayList<>()))
			.optional()
			.orElseThrow(() -> new RosterConflictException("roster.slot.changed"));
		held.team()
			.addAll(jdbc.sql("select member_id from term_member where term_id = ? order by lead desc, member_id")
				.param(slot.id())
				.query(Long.class)
				.list());
		if (slot.memberId() != null && !held.team().contains(slot.memberId())) {
			throw new RosterConflictException("roster.slot.changed");
		}
		return checkNotPlanning(held);
	}

	private Held checkNotPlanning(Held held) {
		if (planner.activeOverlapping(new PlanRange(held.week(), held.week())).isPresent()) {
			throw new RosterConflictException("roster.run.busyEdit");
		}
		return held;
	}

	private static @Nullable Long current(Held held) {
		return held.slot().duty() ? held.team().get(0) : held.slot().memberId();
	}

	private void replace(Held held, @Nullable Long before, @Nullable Long after, String actor) {
		if (held.slot().duty()) {
			if (after == null) {
				throw new RosterConflictException("roster.swap.dutyEmpty");
			}
			jdbc.sql("update troubleshooter_duty set member_id = ? where id = ?")
				.params(after, held.slot().id())
				.update();
		}
		else {
			long termId = held.slot().id();
			if (after != null && held.team().contains(after)) {
				throw new RosterConflictException("roster.swap.sameTeam");
			}
			if (before != null && after != null) {
				jdbc.sql("update term_member set member_id = ? where term_id = ? and member_id = ?")
					.params(after, termId, before)
					.update();
			}
			else if (after != null) {
				if (held.team().size() >= 3) {
					throw new RosterConflictException("roster.slot.changed");
				}
				jdbc.sql("insert into term_member (term_id, member_id, lead) values (?, ?, ?)")
					.params(termId, after, held.team().isEmpty())
					.update();
			}
			else if (before != null) {
				jdbc.sql("delete from term_member where term_id = ? and member_id = ?").params(termId, before).update();
				jdbc.sql("""
						update term_member set lead = true where term_id = ? and member_id =
						(select min(member_id) from term_member where term_id = ?)
						and not exists (select 1 from term_member where term_id = ? and lead)""")
					.params(termId, termId, termId)
					.update();
			}
		}
		if (held.published()) {
			long change = change("REPLACED", held, before, after, actor);
			List<Long> concerned = new ArrayList<>(held.team());
			if (after != null) {
				concerned.add(after);
			}
			notify(change, "REPLACED", held, concerned);
		}
	}

	private long change(String kind, Held held, @Nullable Long removed, @Nullable Long added, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into roster_change (kind, term_id, duty_id, week_start, village_id, township_id,
				removed_member_id, added_member_id, actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kind, held.slot().duty() ? null : held.slot().id(), held.slot().duty() ? held.slot().id() : null,
					held.week(), held.villageId(), held.townshipId(), removed, added, actor)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	private void notify(long change, String kind, Held held, List<Long> members) {
		List<Long> distinct = members.stream().distinct().toList();
		for (long member : distinct) {
			jdbc.sql("insert into roster_notice (member_id, change_id) values (?, ?) on conflict do nothing")
				.params(member, change)
				.update();
		}
		if (!distinct.isEmpty()) {
			events.publishEvent(new RosterEvents.MembersNoticed(Ids.all(distinct, MemberId::of), kind, held.week()));
		}
	}

	private static Map<String, Object> values(@Nullable Long first, @Nullable Long second) {
		return Map.of("first", String.valueOf(first), "second", String.valueOf(second));
	}

}
