package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oneweek.roster.planning.Candidate;
import org.oneweek.roster.planning.PlannedTerm;
import org.oneweek.roster.planning.Post;
import org.oneweek.roster.planning.RosterPlan;
import org.oneweek.roster.planning.WeekIndex;
import org.oneweek.roster.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a solved roster back as planned terms and duties. Published and pinned ones are
 * never touched, even if they changed since the plan was read.
 */
@Component
public class PlanWriter {

	private final JdbcClient jdbc;

	private final Terms terms;

	PlanWriter(JdbcClient jdbc, Terms terms) {
		this.jdbc = jdbc;
		this.terms = terms;
	}

	/**
	 * @return how many terms and duties were written
	 */
	@Transactional
	public int save(RosterPlan plan) {
		terms.changed();
		Map<PlannedTerm, List<Post>> seats = new IdentityHashMap<>();
		Map<Long, Integer> firstSeat = new HashMap<>();
		for (Post post : plan.getPosts()) {
			if (post.isSeat() && post.getMember() != null) {
				firstSeat.merge(post.getMember().getId(), post.getWeek(), Math::min);
			}
			if (post.isInRange() && !post.isPinned()) {
				if (post.isSeat()) {
					seats.computeIfAbsent(post.term(), (t) -> new ArrayList<>()).add(post);
				}
			}
		}
		int written = 0;
		List<PlannedTerm> terms = new ArrayList<>(seats.keySet());
		terms.sort(Comparator.comparingInt(PlannedTerm::getWeek).thenComparingLong(PlannedTerm::getVillageId));
		for (PlannedTerm term : terms) {
			Long termId = plannedTerm(term);
			if (termId == null) {
				continue;
			}
			Set<Candidate> team = new LinkedHashSet<>();
			seats.get(term)
				.stream()
				.sorted(Comparator.comparingInt(Post::getSeat))
				.filter((post) -> post.getMember() != null)
				.forEach((post) -> team.add(post.getMember()));
			Candidate lead = team.stream()
				.min(Comparator
					.comparingInt((Candidate m) -> Math.min(m.getFirstTermWeek(),
							firstSeat.getOrDefault(m.getId(), Integer.MAX_VALUE)))
					.thenComparingLong(Candidate::getId))
				.orElse(null);
			jdbc.sql("delete from term_member where term_id = ?").param(termId).update();
			for (Candidate member : team) {
				jdbc.sql("insert into term_member (term_id, member_id, lead) values (?, ?, ?)")
					.params(termId, member.getId(), member == lead)
					.update();
			}
			written++;
		}
		for (Post post : plan.getPosts()) {
			if (post.isInRange() && !post.isPinned() && !post.isSeat()) {
				written += saveDuty(post);
			}
		}
		return written;
	}

	/** The id of the planned term to write into, created if needed; null if not ours. */
	private Long plannedTerm(PlannedTerm term) {
		LocalDate week = WeekIndex.monday(term.getWeek());
		jdbc.sql("insert into term (village_id, week_start, state) values (?, ?, 'PLANNED') on conflict do nothing")
			.params(term.getVillageId(), week)
			.update();
		return jdbc.sql("""
				select id from term where village_id = ? and week_start = ? and state = 'PLANNED' and not pinned
				for update""").params(term.getVillageId(), week).query(Long.class).optional().orElse(null);
	}

	private int saveDuty(Post post) {
		LocalDate week = WeekIndex.monday(post.getWeek());
		if (post.getMember() == null) {
			return jdbc.sql("""
					delete from troubleshooter_duty where township_id = ? and week_start = ? and state = 'PLANNED'
					and not pinned""").params(post.getTownshipId(), week).update();
		}
		int updated = jdbc.sql("""
				update troubleshooter_duty set member_id = ? where township_id = ? and week_start = ?
				and state = 'PLANNED' and not pinned""")
			.params(post.getMember().getId(), post.getTownshipId(), week)
			.update();
		if (updated == 0) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			updated = jdbc.sql("""
					insert into troubleshooter_duty (township_id, week_start, member_id, state)
					values (?, ?, ?, 'PLANNED') on conflict do nothing""")
				.params(post.getTownshipId(), week, post.getMember().getId())
				.update(keys, "id");
		}
		return updated;
	}

}
