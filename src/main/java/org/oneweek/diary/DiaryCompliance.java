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

	/** Transactions of their own, for the kept figures written during a read. */
	private final org.springframework.transaction.support.TransactionTemplate separate;

	DiaryCompliance(JdbcClient jdbc, Terms terms, DiaryProperties properties, TeamDays days,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.separate = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.separate
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		// next (DiaryRules.closesAt), so on days up to today - 2; a term whose Sunday has
		// closed is settled, its figure kept in diary_term_tally
		LocalDate lastClosed = LocalDate.ofInstant(now, zone).minusDays(2);
		LocalDate lastSettled = Weeks.mondayOf(lastClosed.minusDays(6));
		Map<String, Object> p = new HashMap<>();
		p.put("first", first);
		p.put("last", last);
		p.put("lastClosed", lastClosed);
		p.put("rule", rule());
		p.put("isodows", isodows());
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
		Tally total = Tally.NONE;
		if (!lastSettled.isBefore(first)) {
			LocalDate settledTo = last.isBefore(lastSettled) ? last : lastSettled;
			p.put("settledTo", settledTo);
			fillSettled(first, settledTo);
			String settled = where.toString().replace("tm.member_id", "t.member_id");
			total = total.plus(jdbc
				.sql("""
						select coalesce(sum(t.expected), 0) as expected, coalesce(sum(t.written), 0) as written
						from diary_term_tally t
						where t.rule = :rule and t.week_start >= :first and t.week_start <= :settledTo"""
						+ settled.replace("t.id = :term", "t.term_id = :term"))
				.params(p)
				.query((rs, n) -> new Tally(rs.getInt("expected"), rs.getInt("written")))
				.single());
		}
		if (last.isAfter(lastSettled)) {
			LocalDate liveFrom = first.isAfter(lastSettled) ? first : lastSettled.plusWeeks(1);
			p.put("liveFrom", liveFrom);
			p.put("liveDays",
					liveFrom.plusDays(6 + 7L * (java.time.temporal.ChronoUnit.WEEKS.between(liveFrom, last))));
			total = total.plus(jdbc.sql("""
					select count(*) as expected, count(d.member_id) as written
					from term t join term_member tm on tm.term_id = t.id
					cross join lateral (select t.week_start + i as day from generate_series(0, 6) i) g
					left join diary_entry d on d.member_id = tm.member_id and d.day = g.day and d.written
					  and d.day >= :liveFrom and d.day <= :liveDays
					where t.state = 'PUBLISHED' and t.week_start >= :liveFrom and t.week_start <= :last
					  and extract(isodow from g.day) = any(:isodows) and g.day <= :lastClosed""" + where)
				.params(p)
				.query((rs, n) -> new Tally(rs.getInt("expected"), rs.getInt("written")))
				.single());
		}
		return total;
	}

	/** The required weekdays' ISO numbers, for SQL. */
	private Integer[] isodows() {
		return properties.expectedDays().stream().map(DayOfWeek::getValue).toArray(Integer[]::new);
	}

	/**
	 * The rule of required weekdays the kept figures were counted under: their ISO
	 * numbers joined by commas (Monday to Friday for the default).
	 */
	private String rule() {
		return properties.expectedDays()
			.stream()
			.map(DayOfWeek::getValue)
			.sorted()
			.map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * Counts and keeps the figures of the settled terms of the weeks not kept yet (under
	 * this rule), in a transaction of its own: once, the first time they are asked.
	 */
	private void fillSettled(LocalDate first, LocalDate settledTo) {
		Map<String, Object> p = new HashMap<>();
		p.put("first", first);
		p.put("settledTo", settledTo);
		p.put("lastDay", settledTo.plusDays(6));
		p.put("rule", rule());
		p.put("isodows", isodows());
		// complete when every week is marked so (the triggers remove the marks of the
		// weeks whose terms, members or diaries changed)
		long weeks = java.time.temporal.ChronoUnit.WEEKS.between(first, settledTo) + 1;
		boolean missing = jdbc.sql("""
				select count(*) from diary_tally_week
				where rule = :rule and week_start >= :first and week_start <= :settledTo""")
			.params(p)
			.query(Long.class)
			.single() < weeks;
		if (!missing) {
			return;
		}
		separate.executeWithoutResult((status) -> {
			jdbc.sql("""
					insert into diary_term_tally (term_id, member_id, village_id, week_start, rule, expected, written)
					select t.id, tm.member_id, t.village_id, t.week_start, :rule, count(*), count(d.member_id)
					from term t join term_member tm on tm.term_id = t.id
					cross join lateral (select t.week_start + i as day from generate_series(0, 6) i) g
					left join diary_entry d on d.member_id = tm.member_id and d.day = g.day and d.written
					  and d.day >= :first and d.day <= :lastDay
					where t.state = 'PUBLISHED' and t.week_start >= :first and t.week_start <= :settledTo
					  and extract(isodow from g.day) = any(:isodows)
					  and not exists (select 1 from diary_term_tally x
					                  where x.term_id = t.id and x.member_id = tm.member_id and x.rule = :rule)
					group by t.id, tm.member_id, t.village_id, t.week_start
					on conflict (term_id, member_id) do update
					set rule = excluded.rule, expected = excluded.expected, written = excluded.written""")
				.params(p)
				.update();
			jdbc.sql("""
					insert into diary_tally_week (rule, week_start)
					select :rule, d::date from generate_series(:first::date, :settledTo::date, interval '7 days') d
					on conflict do nothing""").params(p).update();
		});
	}

	/**
	 * Forgets every kept figure of settled terms (after data was changed by other means):
	 * each is counted again when next asked.
	 */
	public void forgetSettled() {
		separate.executeWithoutResult((status) -> {
			jdbc.sql("delete from diary_term_tally").update();
			jdbc.sql("delete from diary_tally_week").update();
		});
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
