package org.oneweek.diary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the diaries were written, for the organization department: per member and term,
 * counted over the days a diary is required (see {@link DiaryProperties}) once they have
 * closed. A diary counts if anything was written in it before it closed; amendments
 * afterwards do not make a missing day written.
 */
@Service
@Transactional(readOnly = true)
public class DiaryCompliance {

	/** No more weeks than this are counted at once. */
	public static final int MAX_WEEKS = 53;

	private final JdbcClient jdbc;

	private final Terms terms;

	private final DiaryProperties properties;

	private final ZoneId zone;

	DiaryCompliance(JdbcClient jdbc, Terms terms, DiaryProperties properties, TeamDays days) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.properties = properties;
		this.zone = days.zone();
	}

	/**
	 * One member's diaries in one term.
	 *
	 * @param closedDays required days whose diary has closed
	 * @param missingDays those of them without a diary
	 * @param openDays required days whose diary can still be written and is still empty
	 */
	public record MemberTerm(Term term, MemberId memberId, List<LocalDate> closedDays, List<LocalDate> missingDays,
			List<LocalDate> openDays) {

		public MemberTerm {
			closedDays = List.copyOf(closedDays);
			missingDays = List.copyOf(missingDays);
			openDays = List.copyOf(openDays);
		}

		public Tally tally() {
			return new Tally(closedDays.size(), closedDays.size() - missingDays.size());
		}

		public boolean lead() {
			return term.leadId().equals(memberId);
		}

	}

	/** Diaries required and written. */
	public record Tally(int expected, int written) {

		public static final Tally NONE = new Tally(0, 0);

		public int missing() {
			return expected - written;
		}

		/** Percent written, rounded down; 100 when nothing was required. */
		public int percent() {
			return (expected == 0) ? 100 : (int) Math.floor(written * 100.0 / expected);
		}

		public Tally plus(Tally other) {
			return new Tally(expected + other.expected, written + other.written);
		}

	}

	/** Every member of every term in the weeks from {@code from} to {@code to}. */
	public List<MemberTerm> between(LocalDate from, LocalDate to, Instant now) {
		LocalDate first = Weeks.mondayOf(from);
		LocalDate last = Weeks.mondayOf(to);
		if (last.isBefore(first)) {
			return List.of();
		}
		if (first.plusWeeks(MAX_WEEKS).isBefore(last)) {
			first = last.minusWeeks(MAX_WEEKS);
		}
		Set<String> written = new HashSet<>();
		jdbc.sql("select member_id, day from diary_entry where written and day >= ? and day <= ?")
			.params(first, last.plusDays(6))
			.query((rs) -> {
				written.add(rs.getLong("member_id") + "/" + rs.getObject("day", LocalDate.class));
			});
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<MemberTerm> rows = new ArrayList<>();
		for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
			for (Term term : terms.inWeek(monday)) {
				for (MemberId memberId : term.memberIds()) {
					List<LocalDate> closed = new ArrayList<>();
					List<LocalDate> missing = new ArrayList<>();
					List<LocalDate> open = new ArrayList<>();
					for (LocalDate day = term.weekStart(); !day.isAfter(term.weekEnd()); day = day.plusDays(1)) {
						if (!properties.expected(day.getDayOfWeek()) || day.isAfter(today)) {
							continue;
						}
						boolean done = written.contains(memberId.value() + "/" + day);
						if (now.isBefore(DiaryRules.closesAt(day, zone))) {
							if (!done) {
								open.add(day);
							}
						}
						else {
							closed.add(day);
							if (!done) {
								missing.add(day);
							}
						}
					}
					rows.add(new MemberTerm(term, memberId, closed, missing, open));
				}
			}
		}
		return rows;
	}

	/**
	 * The total of {@link #between} over the terms of some villages (all when
	 * {@code null}), of one member, of one term, counted by the database: the
	 * organization department's figure over a province's thousands of terms a week,
	 * without a row per member and term.
	 */
	public Tally count(LocalDate from, LocalDate to, Instant now, @Nullable Collection<VillageId> villages,
			@Nullable MemberId member, @Nullable TermId term) {
		LocalDate first = Weeks.mondayOf(from);
		LocalDate last = Weeks.mondayOf(to);
		if (last.isBefore(first) || properties.expectedDays().isEmpty() || (villages != null && villages.isEmpty())) {
			return Tally.NONE;
		}
		if (first.plusWeeks(MAX_WEEKS).isBefore(last)) {
			first = last.minusWeeks(MAX_WEEKS);
		}
		// a required day counts once its diary has closed: at the start of the day after
		// next (DiaryRules.closesAt), so on days up to today - 2
		LocalDate lastClosed = LocalDate.ofInstant(now, zone).minusDays(2);
		Map<String, Object> p = new HashMap<>();
		p.put("first", first);
		p.put("last", last);
		p.put("lastClosed", lastClosed);
		p.put("isodows", properties.expectedDays().stream().map(DayOfWeek::getValue).toArray(Integer[]::new));
		StringBuilder where = new StringBuilder();
		if (villages != null) {
			where.append(" and t.village_id = any(:villages)");
			p.put("villages", Ids.values(villages).toArray(Long[]::new));
		}
		if (member != null) {
			where.append(" and tm.member_id = :member");
			p.put("member", member.value());
		}
		if (term != null) {
			where.append(" and t.id = :term");
			p.put("term", term.value());
		}
		return jdbc.sql("""
				select count(*) as expected,
				       count(*) filter (where exists (select 1 from diary_entry d
				           where d.member_id = tm.member_id and d.day = g.day and d.written)) as written
				from term t join term_member tm on tm.term_id = t.id
				cross join lateral (select t.week_start + i as day from generate_series(0, 6) i) g
				where t.state = 'PUBLISHED' and t.week_start >= :first and t.week_start <= :last
				  and extract(isodow from g.day) = any(:isodows) and g.day <= :lastClosed""" + where)
			.params(p)
			.query((rs, n) -> new Tally(rs.getInt("expected"), rs.getInt("written")))
			.single();
	}

	/**
	 * Rows added up by a key (a week, a village, a member, a term), in first-seen order.
	 */
	public static <K> Map<K, Tally> tally(List<MemberTerm> rows, Function<MemberTerm, K> key) {
		Map<K, Tally> tallies = new LinkedHashMap<>();
		for (MemberTerm row : rows) {
			tallies.merge(key.apply(row), row.tally(), Tally::plus);
		}
		return tallies;
	}

	public static Tally total(List<MemberTerm> rows) {
		return rows.stream().map(MemberTerm::tally).reduce(Tally.NONE, Tally::plus);
	}

}
