package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the roster as stored, planned and published alike, for the planner's board; the
 * published roster alone, as members see it, is {@link org.oneweek.roster.Terms}.
 */
@Service
@Transactional(readOnly = true)
public class StoredRoster {

	/** A term as stored: its team in order, the lead first. */
	public record StoredTerm(long id, long villageId, LocalDate week, boolean published, boolean pinned,
			List<Long> members, @Nullable Long lead) {

		public StoredTerm {
			members = List.copyOf(members);
		}

	}

	/** A troubleshooter duty as stored. */
	public record StoredDuty(long id, long townshipId, LocalDate week, long memberId, boolean published,
			boolean pinned) {

	}

	private final JdbcClient jdbc;

	StoredRoster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The terms of the range, planned or published, by week and village. */
	public List<StoredTerm> terms(PlanRange range) {
		Map<Long, TermRows> terms = new LinkedHashMap<>();
		jdbc.sql("""
				select t.id, t.village_id, t.week_start, t.state, t.pinned, tm.member_id, tm.lead
				from term t left join term_member tm on tm.term_id = t.id
				where t.week_start between ? and ? order by t.week_start, t.village_id, tm.lead desc, tm.member_id""")
			.params(range.from(), range.to())
			.query((rs) -> {
				TermRows term = terms.get(rs.getLong("id"));
				if (term == null) {
					term = new TermRows(rs.getLong("id"), rs.getLong("village_id"),
							rs.getObject("week_start", LocalDate.class), "PUBLISHED".equals(rs.getString("state")),
							rs.getBoolean("pinned"));
					terms.put(term.id, term);
				}
				long member = rs.getLong("member_id");
				if (!rs.wasNull()) {
					term.members.add(member);
					if (rs.getBoolean("lead")) {
						term.lead = member;
					}
				}
			});
		return terms.values().stream().map(TermRows::term).toList();
	}

	/** The troubleshooter duties of the range, planned or published. */
	public List<StoredDuty> duties(PlanRange range) {
		return jdbc.sql("""
				select id, township_id, week_start, member_id, state, pinned from troubleshooter_duty
				where week_start between ? and ?""")
			.params(range.from(), range.to())
			.query((rs, n) -> new StoredDuty(rs.getLong("id"), rs.getLong("township_id"),
					rs.getObject("week_start", LocalDate.class), rs.getLong("member_id"),
					"PUBLISHED".equals(rs.getString("state")), rs.getBoolean("pinned")))
			.list();
	}

	/** The Monday of the slot's term or duty, if it is still there. */
	public Optional<LocalDate> weekOf(Slot slot) {
		String table = slot.duty() ? "troubleshooter_duty" : "term";
		return jdbc.sql("select week_start from " + table + " where id = ?")
			.param(slot.id())
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * The members on a term or a troubleshooter duty in the week, planned or published.
	 */
	public Set<Long> busyIn(LocalDate monday) {
		return jdbc.sql("""
				select tm.member_id from term t join term_member tm on tm.term_id = t.id where t.week_start = ?
				union select member_id from troubleshooter_duty where week_start = ?""")
			.params(monday, monday)
			.query(Long.class)
			.set();
	}

	private static final class TermRows {

		final long id;

		final long villageId;

		final LocalDate week;

		final boolean published;

		final boolean pinned;

		final List<Long> members = new ArrayList<>(3);

		@Nullable Long lead;

		TermRows(long id, long villageId, LocalDate week, boolean published, boolean pinned) {
			this.id = id;
			this.villageId = villageId;
			this.week = week;
			this.published = published;
			this.pinned = pinned;
		}

		StoredTerm term() {
			return new StoredTerm(id, villageId, week, published, pinned, members, lead);
		}

	}

}
