package org.oneweek.insights.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.Figures;
import org.oneweek.insights.InsightsProperties;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MetricFilter;
import org.oneweek.insights.SummaryCheck;
import org.oneweek.insights.internal.LedgerFacts.Scope;
import org.oneweek.platform.BeforeCommit;
import org.oneweek.platform.Ids;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary of the ledger's figures (tables {@code insights_case_fact},
 * {@code insights_tally}, {@code insights_tally_hours}): each case's part in the figures
 * that do not depend on the time of asking, summed by rollup, kept exact in the
 * transaction of every change of a case ({@link SummaryListener}), rebuilt and checked
 * against a full recomputation from the ledger's rows ({@link #rebuild()},
 * {@link #check()}).
 * <p>
 * A case's counters are {@link LedgerFacts#CONDITIONS} themselves, less what depends on
 * "now": "first contact due" and "resolution due" are stored for the cases whose deadline
 * can no longer change the answer (contacted; resolved or closed), and the rest of them,
 * and the overdue counts, are counted at each request over the few facts that keep an
 * open deadline (not contacted yet, still being worked on). The times are percentiles
 * over whole hours (a histogram by month), so the summary's medians are exact to the
 * hour.
 * <p>
 * It answers what its rollups hold (places, category and type, weeks, months, years) for
 * periods that begin and end on their periods' bounds; anything else (a member, a unit, a
 * team, any day) is for {@link LedgerFacts}.
 */
@Component
public class Summary {

	/** The stored counters: every measure whose condition does not depend on "now". */
	static final List<Measure> STORED = List.of(Measure.CASES, Measure.CONTACT_DUE, Measure.CONTACT_ON_TIME,
			Measure.CONTACTED, Measure.RESOLUTION_DUE, Measure.RESOLVED_ON_TIME, Measure.RESOLVED,
			Measure.AWAITING_CALLBACK, Measure.CALLBACKS, Measure.SATISFIED, Measure.BASICALLY_SATISFIED,
			Measure.UNSATISFIED, Measure.REOPENED, Measure.ESCALATED, Measure.FUNDING_REQUESTED,
			Measure.FUNDING_APPROVED, Measure.DECLINED);

	/**
	 * The part of a measure a case keeps for good (the rest of the two "due" ones is
	 * open).
	 */
	private static String storedCondition(Measure m) {
		return switch (m) {
			case CONTACT_DUE -> "c.state <> :declined and c.first_contact_at is not null";
			case RESOLUTION_DUE -> "c.state = any(:solved)";
			default -> LedgerFacts.CONDITIONS.get(m);
		};
	}

	/** The conditions on an open fact {@code f} for what depends on "now". */
	private static final Map<Measure, String> OPEN = openConditions();

	private static Map<Measure, String> openConditions() {
		Map<Measure, String> m = new EnumMap<>(Measure.class);
		m.put(Measure.CONTACT_DUE, "f.open_contact_due < :now");
		m.put(Measure.RESOLUTION_DUE, "f.open_resolution_due < :now");
		String overdue = "f.open_resolution_due is not null and (f.open_resolution_due < :now or f.open_contact_due < :now)";
		m.put(Measure.OVERDUE, overdue);
		String since = "(case when f.open_contact_due is not null then least(f.open_contact_due, f.open_resolution_due) "
				+ "else f.open_resolution_due end)";
		m.put(Measure.OVERDUE_UNDER_DAY, overdue + " and " + since + " >= :dayAgo");
		m.put(Measure.OVERDUE_UNDER_WEEK, overdue + " and " + since + " < :dayAgo and " + since + " >= :weekAgo");
		m.put(Measure.OVERDUE_UNDER_MONTH, overdue + " and " + since + " < :weekAgo and " + since + " >= :monthAgo");
		m.put(Measure.OVERDUE_LONGER, overdue + " and " + since + " < :monthAgo");
		return Map.copyOf(m);
	}

	/**
	 * A rollup: the dimensions it keeps and the length of its periods. A query takes the
	 * first rollup that can answer it, so the small ones come first: the district's (no
	 * street kept: they answer only a filter without places) before the streets' and the
	 * villages'. The derived ones are summed from another rollup's rows when the summary
	 * is rebuilt, and kept by every change like the others.
	 */
	enum Rollup {

		/** the district × month */
		DM(false, false, false, false, false, Grain.MONTH, "VM"),
		/** the district × week */
		DW(false, false, false, false, false, Grain.WEEK, "TW"),
		/** the district's categories and types × year */
		KD(false, false, true, false, false, Grain.YEAR, "KY"),
		/** the district's units × year */
		UD(false, false, false, true, false, Grain.YEAR, "UY"),
		/**
		 * the district's members, all time: one row a member (a province's 60,000, where
		 * MA has a row for every street a member recorded in)
		 */
		MB(false, false, false, false, true, Grain.ALL, "MA"),
		/** street × year */
		SY(true, false, false, false, false, Grain.YEAR, "VY"),
		/** village, all time */
		VA(true, true, false, false, false, Grain.ALL, "VY"),
		/** street, the member who recorded, all time */
		MA(true, false, false, false, true, Grain.ALL, "MY"),
		/** village × year */
		VY(true, true, false, false, false, Grain.YEAR, null),
		/** street, category and type × year */
		KY(true, false, true, false, false, Grain.YEAR, null),
		/** street, the unit referred to × year */
		UY(true, false, false, true, false, Grain.YEAR, null),
		/** street, the member who recorded × year */
		MY(true, false, false, false, true, Grain.YEAR, null),
		/** village × month */
		VM(true, true, false, false, false, Grain.MONTH, null),
		/** street × week */
		TW(true, false, false, false, false, Grain.WEEK, null);

		final boolean streets;

		final boolean villages;

		final boolean kinds;

		final boolean units;

		final boolean members;

		final Grain grain;

		/**
		 * The rollup this one is summed from at a rebuild ({@code null}: from the facts).
		 */
		final @Nullable String source;

		Rollup(boolean streets, boolean villages, boolean kinds, boolean units, boolean members, Grain grain,
				@Nullable String source) {
			this.streets = streets;
			this.villages = villages;
			this.kinds = kinds;
			this.units = units;
			this.members = members;
			this.grain = grain;
			this.source = source;
		}

	}

	/**
	 * The derived rollups in the order they are summed at a rebuild: each after its
	 * source (MB from MA, itself from MY).
	 */
	static final List<Rollup> DERIVED = derivedInOrder();

	private static List<Rollup> derivedInOrder() {
		List<Rollup> order = new ArrayList<>();
		while (order.size() < java.util.Arrays.stream(Rollup.values()).filter((r) -> r.source != null).count()) {
			for (Rollup r : Rollup.values()) {
				if (r.source != null && !order.contains(r)
						&& (Rollup.valueOf(r.source).source == null || order.contains(Rollup.valueOf(r.source)))) {
					order.add(r);
				}
			}
		}
		return List.copyOf(order);
	}

	enum Grain {

		WEEK("week"), MONTH("month"), YEAR("year"),
		/** one period for all time, the day {@link Summary#ALL_TIME} */
		ALL(null);

		final @Nullable String trunc;

		Grain(@Nullable String trunc) {
			this.trunc = trunc;
		}

		/** Whether a period begins on the day (never for all time: it has no bounds). */
		boolean starts(LocalDate day) {
			return switch (this) {
				case WEEK -> day.getDayOfWeek() == DayOfWeek.MONDAY;
				case MONTH -> day.getDayOfMonth() == 1;
				case YEAR -> day.getDayOfYear() == 1;
				case ALL -> false;
			};
		}

		/** The period of a time {@code at} (timestamptz) as SQL. */
		String period(String at) {
			return (trunc == null) ? ALL_TIME : "date_trunc('" + trunc + "', " + at + " at time zone :zone)::date";
		}

	}

	/** The period of the rollups over all time. */
	static final String ALL_TIME = "date '0001-01-01'";

	private static final String COLUMNS = columns();

	/**
	 * The summed columns: the counters, the money, the callback attempts, and the open
	 * deadlines settled (see {@link #settle}).
	 */
	private static final String SUMMED = COLUMNS
			+ ", attempts, attempts_reached, tried, settled_contact_due, settled_overdue";

	private static String columns() {
		StringJoiner j = new StringJoiner(", ");
		STORED.forEach((m) -> j.add(m.name().toLowerCase()));
		j.add("funding_requested_sum").add("funding_approved_sum");
		return j.toString();
	}

	/**
	 * The facts of the ledger's cases (all, or {@code c.id = any(:ids)}), merged ones
	 * left out.
	 */
	private static String factSelect(boolean some) {
		StringJoiner s = new StringJoiner(", ");
		s.add("c.id")
			.add("c.village_id")
			.add("c.township_id")
			.add("c.category")
			.add("c.case_type")
			.add("c.received_at");
		for (Measure m : STORED) {
			s.add("(" + storedCondition(m) + ")::int");
		}
		s.add("coalesce(c.funding_requested, 0)").add("coalesce(c.funding_approved, 0)");
		s.add("case when " + LedgerFacts.CONDITIONS.get(Measure.CONTACTED)
				+ " then floor(extract(epoch from c.first_contact_at - c.received_at) / 3600)::int end");
		s.add("case when " + LedgerFacts.CONDITIONS.get(Measure.RESOLVED)
				+ " then floor(extract(epoch from c.resolved_at - c.received_at) / 3600)::int end");
		String openContact = "(case when c.state <> :declined and c.first_contact_at is null then c.first_contact_due end)";
		String openResolution = "(case when c.state = any(:active) then c.resolution_due end)";
		s.add(openContact).add(openResolution);
		s.add("coalesce(c.assignee_unit_id, 0)").add("coalesce(c.recorded_by_member, 0)");
		String attempts = "(select count(*) from callback_attempt a where a.case_id = c.id";
		s.add(attempts + ")::int").add(attempts + " and a.reached)::int").add("(" + attempts + ") > 0)::int");
		// settled: an open deadline, and every open deadline before the summary's
		// settled_before
		String settled = "((" + openContact + " is not null or " + openResolution + " is not null) and coalesce("
				+ openContact + " < " + SETTLED_BEFORE + ", true) and coalesce(" + openResolution + " < "
				+ SETTLED_BEFORE + ", true))";
		s.add("(" + settled + " and " + openContact + " is not null)::int");
		s.add("(" + settled + " and " + openResolution + " is not null)::int");
		return "select " + s + " from case_file c where c.state <> :merged" + (some ? " and c.id = any(:ids)" : "");
	}

	private static final String FACT_COLUMNS = "case_id, village_id, township_id, category, case_type, received_at, "
			+ COLUMNS + ", contact_hours, resolution_hours, open_contact_due, open_resolution_due, unit_id, member_id, "
			+ "attempts, attempts_reached, tried, settled_contact_due, settled_overdue";

	/**
	 * The instant before which the summary's open deadlines are settled, as SQL (none:
	 * minus infinity).
	 */
	private static final String SETTLED_BEFORE = "coalesce((select s.settled_before from insights_tally_state s "
			+ "where s.zone = :zone), '-infinity'::timestamptz)";

	/** The rows of every rollup of the facts {@code d} (with a {@code sign}), summed. */
	private static String rollupSelect(String d) {
		return rollupSelect(d, true);
	}

	/**
	 * The rows of the rollups of the facts {@code d} (with a {@code sign}), summed: all
	 * of them, or only those not derived from another.
	 */
	private static String rollupSelect(String d, boolean derived) {
		StringJoiner sums = new StringJoiner(", ");
		for (String col : SUMMED.split(", ")) {
			sums.add("sum(d.sign * d." + col + ")");
		}
		StringJoiner values = new StringJoiner(", ");
		for (Rollup r : Rollup.values()) {
			if (r.source != null && !derived) {
				continue;
			}
			values.add("('" + r.name() + "', " + r.grain.period("d.received_at") + ", " + dimensions(r, "d") + ")");
		}
		return "select r.rollup, r.period, r.township_id, r.village_id, r.category, r.case_type, r.unit_id, r.member_id, "
				+ sums + " from " + d + " cross join lateral (values " + values
				+ ") r(rollup, period, township_id, village_id, category, case_type, unit_id, member_id) "
				+ "group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8";
	}

	/**
	 * The rows of a derived rollup summed from its source's stored rows (at a rebuild,
	 * after the sources were summed from the facts).
	 */
	private static String derivedSelect(Rollup r) {
		return derivedSelect(r, "insights_tally");
	}

	/** The same from the rows of another table like {@code insights_tally}. */
	private static String derivedSelect(Rollup r, String table) {
		StringJoiner sums = new StringJoiner(", ");
		for (String col : SUMMED.split(", ")) {
			sums.add("sum(t." + col + ")");
		}
		return "select '" + r.name() + "', " + ((r.grain == Grain.ALL) ? ALL_TIME : "t.period") + ", "
				+ dimensions(r, "t") + ", " + sums + " from " + table + " t where t.rollup = '" + r.source
				+ "' group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8";
	}

	/**
	 * A rollup's dimensions of the rows {@code a} in the summary's key order (street,
	 * village, category, type, unit, member), 0 or '' for those it does not keep.
	 */
	private static String dimensions(Rollup r, String a) {
		return (r.streets ? a + ".township_id" : "0::bigint") + ", " + (r.villages ? a + ".village_id" : "0::bigint")
				+ ", " + (r.kinds ? a + ".category, " + a + ".case_type" : "''::text, ''::text") + ", "
				+ (r.units ? a + ".unit_id" : "0::bigint") + ", " + (r.members ? a + ".member_id" : "0::bigint");
	}

	/**
	 * The rows of the hours' histogram of the facts {@code d} (with a {@code sign}),
	 * summed: by month, and over all time (the period {@link #ALL_TIME}, for the figures
	 * without a period).
	 */
	private static String hoursSelect(String d) {
		String month = "date_trunc('month', d.received_at at time zone :zone)::date";
		return "select h.period, h.kind, h.hours, sum(d.sign) from " + d + " cross join lateral (values (" + month
				+ ", 'C', d.contact_hours), (" + month + ", 'R', d.resolution_hours), (" + ALL_TIME
				+ ", 'C', d.contact_hours), (" + ALL_TIME + ", 'R', d.resolution_hours)) h(period, kind, hours) "
				+ "where h.hours is not null group by 1, 2, 3 order by 1, 2, 3";
	}

	/**
	 * The facts with an open deadline not settled yet, apart
	 * ({@code insights_open_fact}).
	 */
	private static final String OPEN_FACTS = "select * from insights_case_fact "
			+ "where (open_contact_due is not null or open_resolution_due is not null) "
			+ "and settled_contact_due = 0 and settled_overdue = 0";

	private static final String TALLY_KEY = "rollup, period, township_id, village_id, category, case_type, unit_id, member_id";

	private static String upsertTally(String select) {
		StringJoiner set = new StringJoiner(", ");
		for (String col : SUMMED.split(", ")) {
			set.add(col + " = insights_tally." + col + " + excluded." + col);
		}
		return "insert into insights_tally (" + TALLY_KEY + ", " + SUMMED + ") " + select + " on conflict (" + TALLY_KEY
				+ ") do update set " + set;
	}

	private static String upsertHours(String select) {
		return "insert into insights_tally_hours (period, kind, hours, n) " + select
				+ " on conflict (period, kind, hours) do update set n = insights_tally_hours.n + excluded.n";
	}

	private final JdbcClient jdbc;

	private final ZoneId zone;

	/** First of a commit's work: the summary's rows are locked before the log's. */
	private final BeforeCommit<Long> atCommit = new BeforeCommit<>(Ordered.HIGHEST_PRECEDENCE, true, this::update);

	private final java.time.Clock clock;

	public Summary(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
		this.clock = clock;
	}

	private Map<String, Object> params() {
		Map<String, Object> p = new HashMap<>();
		LedgerFacts.states(p);
		p.put("zone", zone.getId());
		return p;
	}

	/** Whether the summary was built for this time zone (else nothing is kept in it). */
	public boolean built() {
		return state("").isPresent();
	}

	/**
	 * The summary's state for this time zone, if it was built: before when its open
	 * deadlines are settled ({@code null}: none are), read with a lock ({@code ""}:
	 * none).
	 */
	private Optional<Optional<Instant>> state(String lock) {
		return jdbc.sql("select settled_before from insights_tally_state where zone = ? " + lock)
			.param(zone.getId())
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.optional();
	}

	/**
	 * An open deadline this long past counts the same at every later "now" (due, overdue,
	 * overdue for more than a month): the longest of the overdue ages.
	 */
	static final Duration SETTLED_AGE = Duration.ofDays(30);

	/**
	 * Whether the summary can answer at the scope's "now": built, and its settled
	 * deadlines at least {@link #SETTLED_AGE} before it (a "now" earlier than that, which
	 * only a test asks, is the ledger's).
	 */
	public boolean usable(Scope scope) {
		return state("").map((settled) -> settled.isEmpty() || !settled.get().isAfter(scope.now().minus(SETTLED_AGE)))
			.orElse(false);
	}

	private static boolean due(Optional<Optional<Instant>> state, Instant before) {
		return state.isPresent()
				&& (state.get().isEmpty() || state.get().get().isBefore(before.minus(Duration.ofDays(1))));
	}

	/**
	 * Settles the open deadlines a day more than {@link #SETTLED_AGE} past, once they are
	 * two days past it: their facts' due and overdue counts are summed into the rollups
	 * like the others (columns {@code settled_contact_due}, {@code settled_overdue}) and
	 * leave the open facts, which are read at each request; so that the open facts are
	 * the last month's and the future's, not every case a province left open in ten
	 * years. Changes of cases wait while it runs (they lock the state row to share).
	 * @return the facts settled now
	 */
	@Transactional
	public int settle(Instant now) {
		Instant before = now.minus(SETTLED_AGE).minus(Duration.ofDays(1));
		// looked at first without the lock (the job asks every minute)
		if (!due(state(""), before) || !due(state("for update"), before)) {
			return 0;
		}
		jdbc.sql("update insights_tally_state set settled_before = ? where zone = ?")
			.param(Timestamp.from(before))
			.param(zone.getId())
			.update();
		List<Long> ids = jdbc
			.sql("select case_id from insights_open_fact where coalesce(open_contact_due < :before, true) "
					+ "and coalesce(open_resolution_due < :before, true) order by case_id")
			.param("before", Timestamp.from(before))
			.query(Long.class)
			.list();
		update(ids);
		return ids.size();
	}

	/**
	 * Brings the summary up to date with the given cases as the ledger has them in this
	 * transaction: takes away what each added before and adds what it adds now, in the
	 * order of the summary's keys (so that concurrent transactions lock the rows they
	 * share in one order and cannot deadlock).
	 */
	public void update(Collection<Long> caseIds) {
		// the state row locked to share: a settling waits for this change, or this
		// change for it, so that each fact is summed at the settling it commits with
		if (caseIds.isEmpty() || state("for key share").isEmpty()) {
			return;
		}
		Map<String, Object> p = params();
		p.put("ids", caseIds.stream().distinct().sorted().toArray(Long[]::new));
		String d = "(select -1 as sign, " + FACT_COLUMNS
				+ " from insights_case_fact o where o.case_id = any(:ids) union all " + "select 1 as sign, n.* from ("
				+ factSelect(true) + ") n(" + FACT_COLUMNS + ")) d";
		jdbc.sql(upsertTally(rollupSelect(d))).params(p).update();
		jdbc.sql(upsertHours(hoursSelect(d))).params(p).update();
		jdbc.sql("delete from insights_case_fact where case_id = any(:ids)").params(p).update();
		jdbc.sql("insert into insights_case_fact (" + FACT_COLUMNS + ") " + factSelect(true)).params(p).update();
		jdbc.sql("delete from insights_open_fact where case_id = any(:ids)").params(p).update();
		jdbc.sql("insert into insights_open_fact " + OPEN_FACTS + " and case_id = any(:ids)").params(p).update();
	}

	/**
	 * Sums the case anew just before the transaction commits, in it, with the other cases
	 * the transaction changed (at once when there is no transaction). The summary's
	 * synchronization runs first of the commit's work, so that every commit locks the
	 * summary's rows before the transparency log's lock.
	 */
	public void atCommit(long caseId) {
		atCommit.add(caseId);
	}

	/**
	 * Builds the summary anew from the ledger's rows, while changes wait (they bring it
	 * up to date after it commits).
	 * @return the cases summed
	 */
	@Transactional
	public long rebuild() {
		Map<String, Object> p = params();
		jdbc.sql(
				"lock table insights_case_fact, insights_open_fact, insights_tally, insights_tally_hours, insights_tally_state in exclusive mode")
			.update();
		jdbc.sql(
				"truncate insights_case_fact, insights_open_fact, insights_tally, insights_tally_hours, insights_tally_state")
			.update();
		// the open deadlines settled as a settling now would
		jdbc.sql("insert into insights_tally_state (id, zone, built_at, cases, settled_before) "
				+ "values (1, :zone, now(), 0, :settled)")
			.param("zone", zone.getId())
			.param("settled", Timestamp.from(clock.instant().minus(SETTLED_AGE).minus(Duration.ofDays(1))))
			.update();
		jdbc.sql("insert into insights_case_fact (" + FACT_COLUMNS + ") " + factSelect(false)).params(p).update();
		jdbc.sql("insert into insights_open_fact " + OPEN_FACTS).update();
		String d = "(select 1 as sign, f.* from insights_case_fact f) d";
		jdbc.sql("insert into insights_tally (" + TALLY_KEY + ", " + SUMMED + ") " + rollupSelect(d, false))
			.params(p)
			.update();
		for (Rollup r : DERIVED) {
			jdbc.sql("insert into insights_tally (" + TALLY_KEY + ", " + SUMMED + ") " + derivedSelect(r)).update();
		}
		jdbc.sql("insert into insights_tally_hours (period, kind, hours, n) " + hoursSelect(d)).params(p).update();
		long cases = jdbc.sql("select count(*) from insights_case_fact").query(Long.class).single();
		jdbc.sql("update insights_tally_state set cases = :cases where zone = :zone")
			.param("zone", zone.getId())
			.param("cases", cases)
			.update();
		jdbc.sql("analyze insights_case_fact").update();
		jdbc.sql("analyze insights_open_fact").update();
		jdbc.sql("analyze insights_tally").update();
		return cases;
	}

	/**
	 * Recomputes the whole summary from the ledger's rows and compares (nothing of the
	 * summary is changed). The facts are recomputed once, into a temporary table, and the
	 * rollups summed from them as a rebuild sums them (the derived ones from their
	 * recomputed sources), so that the check costs about a rebuild: minutes at a
	 * province's ten million cases, not hours.
	 */
	@Transactional
	public SummaryCheck check() {
		Map<String, Object> p = params();
		jdbc.sql("create temporary table check_fact on commit drop as select * from (" + factSelect(false) + ") n("
				+ FACT_COLUMNS + ")")
			.params(p)
			.update();
		jdbc.sql("analyze check_fact").update();
		long cases = jdbc.sql("select count(*) from case_file c where c.state <> :merged")
			.params(p)
			.query(Long.class)
			.single();
		String fresh = "select " + FACT_COLUMNS + " from check_fact";
		String kept = "select " + FACT_COLUMNS + " from insights_case_fact";
		long facts = differing(fresh, kept, p);
		// the open facts apart are exactly those of the facts with an open deadline
		facts += differing(OPEN_FACTS, "select * from insights_open_fact", p);
		jdbc.sql("create temporary table check_tally (like insights_tally including defaults) on commit drop").update();
		jdbc.sql("insert into check_tally (" + TALLY_KEY + ", " + SUMMED + ") "
				+ rollupSelect("(select 1 as sign, n.* from check_fact n) d", false))
			.params(p)
			.update();
		for (Rollup r : DERIVED) {
			jdbc.sql("insert into check_tally (" + TALLY_KEY + ", " + SUMMED + ") " + derivedSelect(r, "check_tally"))
				.update();
		}
		long rows = differing("select " + TALLY_KEY + ", " + SUMMED + " from check_tally",
				"select " + TALLY_KEY + ", " + SUMMED + " from insights_tally where cases <> 0", p);
		long hours = differing(hoursSelect("(select 1 as sign, n.* from check_fact n) d"),
				"select period, kind, hours, n from insights_tally_hours where n <> 0", p);
		return new SummaryCheck(built(), cases, facts, rows, hours);
	}

	/** The rows of one select that the other has not, both ways. */
	private long differing(String a, String b, Map<String, Object> p) {
		return jdbc
			.sql("select (select count(*) from ((" + a + ") except all (" + b + ")) x) + (select count(*) from ((" + b
					+ ") except all (" + a + ")) y)")
			.params(p)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether the summary can answer a filter at all: by place (district, street,
	 * village), category, type and a period on its rollups' bounds; not by unit, member
	 * or team.
	 */
	public boolean answers(MetricFilter f) {
		return f.term() == null && rollup(f, null).isPresent();
	}

	private static Optional<Rollup> rollup(MetricFilter f, @Nullable Breakdown by) {
		for (Rollup r : Rollup.values()) {
			if (fits(r, f, by)) {
				return Optional.of(r);
			}
		}
		return Optional.empty();
	}

	private static boolean fits(Rollup r, MetricFilter f, @Nullable Breakdown by) {
		if (f.term() != null || (f.unit() != null && !r.units) || (f.member() != null && !r.members)) {
			return false;
		}
		if (!r.kinds && (f.category() != null || f.type() != null)) {
			return false;
		}
		if (!r.villages && f.village() != null) {
			return false;
		}
		if (!r.streets && (f.township() != null || f.district() != null)) {
			return false;
		}
		if ((f.from() != null && !r.grain.starts(f.from()))
				|| (f.to() != null && !r.grain.starts(f.to().plusDays(1)))) {
			return false;
		}
		if (by == null) {
			return true;
		}
		return switch (by) {
			case VILLAGE -> r.villages;
			case TOWNSHIP -> r.streets;
			case CATEGORY, TYPE -> r.kinds;
			case WEEK -> r.grain == Grain.WEEK;
			case MONTH, QUARTER -> r.grain == Grain.MONTH;
			case YEAR -> r.grain == Grain.MONTH || r.grain == Grain.YEAR;
			case UNIT -> r.units;
			case MEMBER -> r.members;
			case TEAM -> false;
		};
	}

	/**
	 * The figures of the scope from the summary, when it can answer them: the times from
	 * the district's hours, so only for a scope of every street (none chosen, or the
	 * district's when there is one district), no category or type.
	 */
	public Optional<Figures> figures(Scope scope, InsightsProperties weights, boolean everyStreet) {
		return figures(scope, weights, everyStreet, null);
	}

	/** The same, with the open facts of the scope read already ({@code null}: here). */
	public Optional<Figures> figures(Scope scope, InsightsProperties weights, boolean everyStreet,
			@Nullable OpenFacts open) {
		MetricFilter f = scope.filter();
		Optional<Rollup> rollup = rollup(f, null);
		if (rollup.isEmpty() || !everyStreetWithoutKinds(scope, everyStreet) || !usable(scope)) {
			return Optional.empty();
		}
		Map<String, Figures> rows = rows(scope, rollup.get(), null, weights, open);
		Figures counts = rows.getOrDefault("",
				new Figures(Map.of(), null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, weights));
		double[] times = times(scope);
		return Optional.of(new Figures(counts.counts(), nan(times[0]), nan(times[1]), nan(times[2]), nan(times[3]),
				counts.fundingRequested(), counts.fundingApproved(), null, weights));
	}

	private static boolean everyStreetWithoutKinds(Scope scope, boolean everyStreet) {
		MetricFilter f = scope.filter();
		return f.village() == null && f.township() == null && f.category() == null && f.type() == null
				&& f.unit() == null && f.member() == null && (f.district() == null || everyStreet);
	}

	/**
	 * The figures of each group from the summary, when it can answer them (without the
	 * times: a row's times are the ledger's).
	 */
	public Optional<Map<String, Figures>> breakdown(Scope scope, Breakdown by, InsightsProperties weights) {
		return breakdown(scope, by, weights, null);
	}

	/** The same, with the open facts of the scope read already ({@code null}: here). */
	public Optional<Map<String, Figures>> breakdown(Scope scope, Breakdown by, InsightsProperties weights,
			@Nullable OpenFacts open) {
		Optional<Rollup> rollup = rollup(scope.filter(), by);
		if (rollup.isEmpty() || !usable(scope)) {
			return Optional.empty();
		}
		return Optional.of(rows(scope, rollup.get(), by, weights, open));
	}

	/** The "now" measures in the order of an open fact's bits. */
	private static final List<Measure> OPEN_MEASURES = List.copyOf(new java.util.TreeSet<>(OPEN.keySet()));

	/**
	 * The open facts of a scope, each with its keys and which of the measures that depend
	 * on "now" it counts in, read once for the several breakdowns of a page (each would
	 * read them again: a province's 76,000, eight times).
	 */
	public static final class OpenFacts {

		/**
		 * Each fact's village, street, unit, member (0: none) and the day it was received
		 * (days since 1970-01-01 in the district's time zone).
		 */
		private final List<long[]> ids = new ArrayList<>();

		private final List<String[]> kinds = new ArrayList<>();

		private final List<Integer> bits = new ArrayList<>();

		private OpenFacts() {
		}

		/** The counts of each breakdown asked already ("" for none). */
		private final Map<String, Map<String, long[]>> counted = new HashMap<>();

		/**
		 * Each group's counts of the "now" measures, in the order of OPEN_MEASURES (a
		 * breakdown's counted once).
		 */
		Map<String, long[]> counts(@Nullable Breakdown by) {
			return counted.computeIfAbsent((by == null) ? "" : by.name(), (k) -> count(by));
		}

		/**
		 * Counted on the facts' own values (an id, a day), and only then keyed as
		 * {@link Summary#factKey} gives them: a province's tens of thousands of facts
		 * make no text each.
		 */
		private Map<String, long[]> count(@Nullable Breakdown by) {
			int column = -1;
			if (by != null) {
				column = switch (by) {
					case VILLAGE -> 0;
					case TOWNSHIP -> 1;
					case UNIT -> 2;
					case MEMBER -> 3;
					case WEEK, MONTH, QUARTER, YEAR -> 4;
					case CATEGORY, TYPE -> -1;
					default -> throw new IllegalArgumentException(by.name());
				};
			}
			Map<Object, long[]> groups = new HashMap<>();
			for (int i = 0; i < bits.size(); i++) {
				int b = bits.get(i);
				if (b == 0) {
					continue;
				}
				Object value;
				if (by == null) {
					value = "";
				}
				else if (column >= 0) {
					value = ids.get(i)[column];
				}
				else {
					value = kinds.get(i)[(by == Breakdown.CATEGORY) ? 0 : 1];
				}
				long[] n = groups.computeIfAbsent(value, (k) -> new long[OPEN_MEASURES.size()]);
				for (int m = 0; m < n.length; m++) {
					if ((b & (1 << m)) != 0) {
						n[m]++;
					}
				}
			}
			Map<String, long[]> keyed = new HashMap<>();
			for (Map.Entry<Object, long[]> e : groups.entrySet()) {
				String key = key(e.getKey(), by, column);
				long[] into = keyed.get(key);
				if (into == null) {
					keyed.put(key, e.getValue());
				}
				else {
					for (int m = 0; m < into.length; m++) {
						into[m] += e.getValue()[m];
					}
				}
			}
			return keyed;
		}

		/** A group's value as {@link Summary#factKey} keys it. */
		private static String key(Object value, @Nullable Breakdown by, int column) {
			if (by == null || value instanceof String) {
				return (String) value;
			}
			long v = (Long) value;
			if (column == 4) {
				return by.periodKey(LocalDate.ofEpochDay(v));
			}
			// no unit or member: the group without a key
			return (v == 0 && (column == 2 || column == 3)) ? "" : String.valueOf(v);
		}

	}

	/**
	 * The open facts of a scope, for {@link #figures}, {@link #breakdown} and
	 * {@link #ends} of the same scope at the same "now".
	 */
	public OpenFacts openFacts(Scope scope) {
		Where w = where(scope, Rollup.DM);
		StringJoiner flags = new StringJoiner(" | ");
		for (int i = 0; i < OPEN_MEASURES.size(); i++) {
			flags.add("(coalesce((" + OPEN.get(OPEN_MEASURES.get(i)) + ")::int, 0) << " + i + ")");
		}
		OpenFacts open = new OpenFacts();
		// the day received as a number (a timestamp's text costs more to read than the
		// rest of the row), the few categories and types each one string
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select f.village_id, f.township_id, f.unit_id, f.member_id, f.category, f.case_type, "
				+ "(f.received_at at time zone :zone)::date - date '1970-01-01', " + flags
				+ " as bits from insights_open_fact f where " + String.join(" and ", w.fact()))
			.params(w.p())
			.query((rs) -> {
				open.ids.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(7) });
				open.kinds.add(new String[] { names.computeIfAbsent(rs.getString(5), (k) -> k),
						names.computeIfAbsent(rs.getString(6), (k) -> k) });
				open.bits.add(rs.getInt(8));
			});
		return open;
	}

	/**
	 * The two ends of a breakdown from the summary: the rows that may be among the first
	 * or the last {@code n} in its order, and how many rows it has.
	 *
	 * @param rows the rows, by key (a superset of the ends: ties at their edges are in)
	 * @param total the rows of the whole breakdown (those with a key)
	 */
	public record Ends(Map<String, Figures> rows, int total) {

	}

	/**
	 * The rows of a breakdown (not by period) that may be shown at its two ends, when the
	 * summary can answer it: ranked in the database by the composite (best first, those
	 * without one last) or by cases (most first), so that a province's 60,000 members or
	 * 20,000 villages are not all built to show 50. Every row whose rank from either end
	 * is within {@code n} is returned, ties included; the caller orders them by its full
	 * order (names too) and takes its ends. The composite is computed as
	 * {@link Figures#composite()} does, in the same double arithmetic.
	 */
	public Optional<Ends> ends(Scope scope, Breakdown by, InsightsProperties weights, boolean byComposite, int n) {
		return ends(scope, by, weights, byComposite, n, null);
	}

	/** The same, with the open facts of the scope read already ({@code null}: here). */
	public Optional<Ends> ends(Scope scope, Breakdown by, InsightsProperties weights, boolean byComposite, int n,
			@Nullable OpenFacts openFacts) {
		Optional<Rollup> rollup = rollup(scope.filter(), by);
		if (by.isPeriod() || rollup.isEmpty() || !usable(scope)) {
			return Optional.empty();
		}
		// first the rank of every row on what its order needs (a few sums: a province's
		// members' twenty sums each would be half a second), then the whole figures of
		// the rows at the ends
		Where w = where(scope, rollup.get());
		Map<String, Object> p = w.p();
		p.put("ends", n);
		// a rollup with one row a key (a member's or a village's over all time) is ranked
		// on its rows, not on groups of them
		boolean unique = oneRowPerKey(rollup.get(), by);
		String sql;
		if (byComposite) {
			p.put("cw", weights.contactWeight());
			p.put("rw", weights.resolutionWeight());
			p.put("sw", weights.satisfactionWeight());
			p.put("bw", weights.basicallySatisfiedWeight());
			String contactDue = "(g.contact_due + g.settled_contact_due + coalesce(o.contact_due, 0))::float8";
			String resolutionDue = "(g.resolution_due + g.settled_overdue + coalesce(o.resolution_due, 0))::float8";
			String contact = "case when " + contactDue + " > 0 then g.contact_on_time::float8 / " + contactDue + " end";
			String resolution = "case when " + resolutionDue + " > 0 then g.resolved_on_time::float8 / " + resolutionDue
					+ " end";
			String satisfaction = "case when g.callbacks > 0 then (g.satisfied::float8 + cast(:bw as float8) "
					+ "* g.basically_satisfied::float8) / g.callbacks::float8 end";
			String composite = "(coalesce(cast(:cw as float8) * " + contact + ", 0) + coalesce(cast(:rw as float8) * "
					+ resolution + ", 0) + coalesce(cast(:sw as float8) * " + satisfaction
					+ ", 0)) / nullif((case when " + contactDue
					+ " > 0 then cast(:cw as float8) else 0 end) + (case when " + resolutionDue
					+ " > 0 then cast(:rw as float8) else 0 end) + (case when g.callbacks > 0 then "
					+ "cast(:sw as float8) else 0 end), 0)";
			StringJoiner sums = new StringJoiner(", ");
			for (String col : List.of("cases", "contact_due", "contact_on_time", "resolution_due", "resolved_on_time",
					"callbacks", "satisfied", "basically_satisfied", "settled_contact_due", "settled_overdue")) {
				// a row's counts are far below 2^31: summed as int4 into an int8, not as
				// numeric
				sums.add((unique ? "t." + col : "sum(t." + col + "::int4)") + " as " + col);
			}
			// the open facts' two counts the composite needs (from those read already)
			OpenFacts open = (openFacts != null) ? openFacts : openFacts(scope);
			List<String> ok = new ArrayList<>();
			List<Long> ocd = new ArrayList<>();
			List<Long> ord = new ArrayList<>();
			int cd = OPEN_MEASURES.indexOf(Measure.CONTACT_DUE);
			int rd = OPEN_MEASURES.indexOf(Measure.RESOLUTION_DUE);
			open.counts(by).forEach((k, c) -> {
				if (k.isEmpty()) {
					// no unit or member: no row of the table
					return;
				}
				ok.add(k);
				ocd.add(c[cd]);
				ord.add(c[rd]);
			});
			// joined on the key's own type (an id's bigint: a text join sorts by
			// collation)
			boolean ids = by != Breakdown.CATEGORY && by != Breakdown.TYPE;
			p.put("ok", ids ? ok.stream().map(Long::valueOf).toArray(Long[]::new) : ok.toArray(String[]::new));
			p.put("ocd", ocd.toArray(Long[]::new));
			p.put("ord", ord.toArray(Long[]::new));
			sql = "with g as (select " + tallyKey(by) + " as k, " + sums + " from insights_tally t where "
					+ String.join(" and ", w.tally()) + (unique ? "" : " group by 1") + "), "
					+ "o as (select * from unnest(cast(:ok as " + (ids ? "bigint" : "text")
					+ "[]), cast(:ocd as int8[]), cast(:ord as int8[])) o(k, contact_due, resolution_due)), "
					+ "s as (select g.k, " + composite + " as v from g left join o on o.k = g.k "
					+ "where g.k is not null and g.cases > 0)";
		}
		else {
			sql = "with s as (select " + tallyKey(by) + " as k, "
					+ (unique ? "t.cases::float8 as v from insights_tally t where t.cases > 0 and "
							: "sum(t.cases::int4)::float8 as v from insights_tally t where ")
					+ String.join(" and ", w.tally()) + (unique ? ")" : " group by 1 having sum(t.cases::int4) > 0)");
		}
		// the first and the last n with the rows tied with the n-th (the caller's order
		// breaks ties by name)
		if (byComposite) {
			sql += ", e as ((select s.k from s where s.k is not null order by s.v desc nulls last fetch first :ends "
					+ "rows with ties) union (select s.k from s where s.k is not null order by s.v asc nulls first "
					+ "fetch first :ends rows with ties)) select e.k::text, (select count(*) from s where s.k is not null) "
					+ "from e";
		}
		else {
			// cases are never null: the rows at least the n-th most or at most the n-th
			// fewest are those n with their ties, and the two values are found each by a
			// bounded sort (a province's 60,000 members are not sorted whole twice)
			sql = sql.replace("with s as (", "with s as materialized (")
					+ ", hi as (select min(x.v) as v from (select s.v from s where s.k is not null order by s.v desc "
					+ "limit :ends) x), lo as (select max(y.v) as v from (select s.v from s where s.k is not null "
					+ "order by s.v asc limit :ends) y) select s.k::text, (select count(*) from s where s.k is not null) "
					+ "from s, hi, lo where s.k is not null and (s.v >= hi.v or s.v <= lo.v)";
		}
		List<String> keys = new ArrayList<>();
		int[] total = { 0 };
		roomy();
		jdbc.sql(sql).params(p).query((rs) -> {
			keys.add(rs.getString(1));
			total[0] = rs.getInt(2);
		});
		return Optional.of(new Ends(keys.isEmpty() ? Map.of() : rows(scope, rollup.get(), by, weights, keys, openFacts),
				total[0]));
	}

	/**
	 * Whether a rollup has one row for each key of a breakdown it answers: over all time,
	 * with no dimension besides the key's (and a village's street).
	 */
	static boolean oneRowPerKey(Rollup r, Breakdown by) {
		if (r.grain != Grain.ALL) {
			return false;
		}
		return switch (by) {
			case VILLAGE -> !r.kinds && !r.units && !r.members;
			case TOWNSHIP -> !r.villages && !r.kinds && !r.units && !r.members;
			case UNIT -> !r.streets && !r.villages && !r.kinds && !r.members;
			case MEMBER -> !r.streets && !r.villages && !r.kinds && !r.units;
			default -> false;
		};
	}

	/**
	 * Room for the sorts and groups of a province's rows in memory (this transaction
	 * only): at the server's default work_mem (4 MB) the members' table spills to disk.
	 */
	private void roomy() {
		jdbc.sql("set local work_mem = '64MB'").update();
	}

	/**
	 * A summed row's counts: the stored counters, with the settled open deadlines' due
	 * and overdue (for more than a month) counts.
	 */
	private static EnumMap<Measure, Long> stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		EnumMap<Measure, Long> c = new EnumMap<>(Measure.class);
		for (Measure m : STORED) {
			c.put(m, rs.getLong(m.name().toLowerCase()));
		}
		long contact = rs.getLong("settled_contact_due");
		long overdue = rs.getLong("settled_overdue");
		c.merge(Measure.CONTACT_DUE, contact, Long::sum);
		c.merge(Measure.RESOLUTION_DUE, overdue, Long::sum);
		c.put(Measure.OVERDUE, overdue);
		c.put(Measure.OVERDUE_LONGER, overdue);
		return c;
	}

	/**
	 * The conditions of a scope on the summed rows {@code t} and on the facts {@code f}.
	 */
	private record Where(List<String> tally, List<String> fact, Map<String, Object> p) {

	}

	private Where where(Scope scope, Rollup rollup) {
		Map<String, Object> p = params();
		List<String> tallyWhere = new ArrayList<>();
		List<String> factWhere = new ArrayList<>();
		tallyWhere.add("t.rollup = :rollup");
		p.put("rollup", rollup.name());
		// what every row of the rollup has in the dimensions it does not keep, so that
		// its
		// rows are sought on the whole key (a table's shown members among 60,000)
		if (rollup.grain == Grain.ALL) {
			tallyWhere.add("t.period = " + ALL_TIME);
		}
		if (!rollup.streets) {
			tallyWhere.add("t.township_id = 0");
		}
		if (!rollup.villages) {
			tallyWhere.add("t.village_id = 0");
		}
		if (!rollup.kinds) {
			tallyWhere.add("t.category = '' and t.case_type = ''");
		}
		if (!rollup.units) {
			tallyWhere.add("t.unit_id = 0");
		}
		if (!rollup.members) {
			tallyWhere.add("t.member_id = 0");
		}
		factWhere.add("(f.open_contact_due is not null or f.open_resolution_due is not null)");
		MetricFilter f = scope.filter();
		if (f.village() != null) {
			tallyWhere.add("t.village_id = :village");
			factWhere.add("f.village_id = :village");
			p.put("village", f.village().value());
		}
		if (f.township() != null) {
			tallyWhere.add("t.township_id = :township");
			factWhere.add("f.township_id = :township");
			p.put("township", f.township().value());
		}
		if (scope.townships() != null) {
			tallyWhere.add("t.township_id = any(:townships)");
			factWhere.add("f.township_id = any(:townships)");
			p.put("townships", Ids.values(scope.townships()).toArray(Long[]::new));
		}
		if (f.category() != null) {
			tallyWhere.add("t.category = :category");
			factWhere.add("f.category = :category");
			p.put("category", f.category());
		}
		if (f.type() != null) {
			tallyWhere.add("t.case_type = :type");
			factWhere.add("f.case_type = :type");
			p.put("type", f.type().name());
		}
		if (f.unit() != null) {
			tallyWhere.add("t.unit_id = :unit");
			factWhere.add("f.unit_id = :unit");
			p.put("unit", f.unit().value());
		}
		if (f.member() != null) {
			tallyWhere.add("t.member_id = :member");
			factWhere.add("f.member_id = :member");
			p.put("member", f.member().value());
		}
		if (f.from() != null) {
			tallyWhere.add("t.period >= :from");
			factWhere.add("f.received_at >= :fromAt");
			p.put("from", f.from());
			p.put("fromAt", Timestamp.from(LedgerFacts.start(f.from(), zone)));
		}
		if (f.to() != null) {
			tallyWhere.add("t.period < :toNext");
			factWhere.add("f.received_at < :toAt");
			p.put("toNext", f.to().plusDays(1));
			p.put("toAt", Timestamp.from(LedgerFacts.start(f.to().plusDays(1), zone)));
		}
		Instant now = scope.now();
		p.put("now", Timestamp.from(now));
		p.put("dayAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(1))));
		p.put("weekAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(7))));
		p.put("monthAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(30))));
		return new Where(tallyWhere, factWhere, p);
	}

	/**
	 * The callback attempts on the cases in scope from the summary, when it can answer:
	 * attempts, attempts that reached the villager, cases tried.
	 */
	public Optional<long[]> callbackAttempts(Scope scope) {
		Optional<Rollup> rollup = rollup(scope.filter(), null);
		if (rollup.isEmpty() || !built()) {
			return Optional.empty();
		}
		Where w = where(scope, rollup.get());
		return Optional.of(jdbc
			.sql("select coalesce(sum(t.attempts), 0), coalesce(sum(t.attempts_reached), 0), coalesce(sum(t.tried), 0) "
					+ "from insights_tally t where " + String.join(" and ", w.tally()))
			.params(w.p())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single());
	}

	/**
	 * The summed rows and the open facts of the scope, by a key ("" without a breakdown).
	 */
	private Map<String, Figures> rows(Scope scope, Rollup rollup, @Nullable Breakdown by, InsightsProperties weights,
			@Nullable OpenFacts open) {
		return rows(scope, rollup, by, weights, null, open);
	}

	/**
	 * The same, of the groups with these keys only ({@code null}: every group), the open
	 * facts' counts from those read already ({@code null}: read here).
	 */
	private Map<String, Figures> rows(Scope scope, Rollup rollup, @Nullable Breakdown by, InsightsProperties weights,
			@Nullable Collection<String> keys, @Nullable OpenFacts openFacts) {
		Where w = where(scope, rollup);
		Map<String, Object> p = w.p();
		List<String> tallyWhere = w.tally();
		List<String> factWhere = w.fact();
		roomy();
		if (keys != null) {
			String column = idColumn(by);
			if (column != null) {
				// an id's keys as ids: compared on the column itself, not on its text
				// (a set to look in, not an array each row searches from its start)
				tallyWhere.add((by == Breakdown.VILLAGE && rollup.streets)
						// a village's row sought with its street, the key's column before
						// it
						? "(t.township_id, t.village_id) in (select v.township_id, v.id from village v "
								+ "where v.id = any(cast(:keyIds as bigint[])))"
						: "t." + column + " in (select unnest(cast(:keyIds as bigint[])))");
				factWhere.add("f." + column + " in (select unnest(cast(:keyIds as bigint[])))");
				p.put("keyIds", keys.stream().map(Long::valueOf).toArray(Long[]::new));
			}
			else {
				tallyWhere.add("(" + tallyKey(by) + ")::text = any(:keys)");
				factWhere.add("(" + factKey(by) + ")::text = any(:keys)");
				p.put("keys", keys.toArray(String[]::new));
			}
		}

		StringJoiner sums = new StringJoiner(", ");
		for (String col : (COLUMNS + ", settled_contact_due, settled_overdue").split(", ")) {
			sums.add("sum(t." + col + ") as " + col);
		}
		Map<String, EnumMap<Measure, Long>> counts = new TreeMap<>();
		Map<String, BigDecimal[]> money = new HashMap<>();
		jdbc.sql("select " + tallyKey(by) + " as k, " + sums + " from insights_tally t where "
				+ String.join(" and ", tallyWhere) + " group by 1 having sum(t.cases) > 0")
			.params(p)
			.query((rs) -> {
				String k = (rs.getString("k") == null) ? "" : rs.getString("k");
				counts.put(k, stored(rs));
				money.put(k, new BigDecimal[] { rs.getBigDecimal("funding_requested_sum"),
						rs.getBigDecimal("funding_approved_sum") });
			});
		Map<String, long[]> now = (openFacts != null) ? openFacts.counts(by) : openCounts(by, factWhere, p);
		now.forEach((k, n) -> {
			EnumMap<Measure, Long> c = counts.get(k);
			if (c != null) {
				for (int i = 0; i < OPEN_MEASURES.size(); i++) {
					c.merge(OPEN_MEASURES.get(i), n[i], Long::sum);
				}
			}
		});
		Map<String, Figures> rows = new LinkedHashMap<>();
		counts.forEach((k, c) -> rows.put(k,
				new Figures(c, null, null, null, null, money.get(k)[0], money.get(k)[1], null, weights)));
		return rows;
	}

	/**
	 * The open facts' counts of the "now" measures by group, in the order of
	 * OPEN_MEASURES, counted in the database (one breakdown asked on its own).
	 */
	private Map<String, long[]> openCounts(@Nullable Breakdown by, List<String> factWhere, Map<String, Object> p) {
		StringJoiner open = new StringJoiner(", ");
		for (Measure m : OPEN_MEASURES) {
			open.add("count(*) filter (where " + OPEN.get(m) + ")");
		}
		Map<String, long[]> counts = new HashMap<>();
		jdbc.sql("select " + factKey(by) + " as k, " + open + " from insights_open_fact f where "
				+ String.join(" and ", factWhere) + " group by 1")
			.params(p)
			.query((rs) -> {
				long[] n = new long[OPEN_MEASURES.size()];
				for (int i = 0; i < n.length; i++) {
					n[i] = rs.getLong(i + 2);
				}
				counts.put((rs.getString(1) == null) ? "" : rs.getString(1), n);
			});
		return counts;
	}

	/** The column of a breakdown by ids ({@code null}: another breakdown). */
	private static @Nullable String idColumn(@Nullable Breakdown by) {
		if (by == null) {
			return null;
		}
		return switch (by) {
			case VILLAGE -> "village_id";
			case TOWNSHIP -> "township_id";
			case UNIT -> "unit_id";
			case MEMBER -> "member_id";
			default -> null;
		};
	}

	private static String tallyKey(@Nullable Breakdown by) {
		if (by == null) {
			return "''";
		}
		return switch (by) {
			case VILLAGE -> "t.village_id";
			case TOWNSHIP -> "t.township_id";
			case CATEGORY -> "t.category";
			case TYPE -> "t.case_type";
			case UNIT -> "case when t.unit_id <> 0 then t.unit_id end";
			case MEMBER -> "case when t.member_id <> 0 then t.member_id end";
			case WEEK -> "to_char(t.period, 'YYYY-MM-DD')";
			case MONTH -> "to_char(t.period, 'YYYY-MM')";
			case QUARTER -> "to_char(t.period, 'YYYY-\"Q\"Q')";
			case YEAR -> "to_char(t.period, 'YYYY')";
			default -> throw new IllegalArgumentException(by.name());
		};
	}

	private static String factKey(@Nullable Breakdown by) {
		if (by == null) {
			return "''";
		}
		return switch (by) {
			case VILLAGE -> "f.village_id";
			case TOWNSHIP -> "f.township_id";
			case CATEGORY -> "f.category";
			case TYPE -> "f.case_type";
			case UNIT -> "case when f.unit_id <> 0 then f.unit_id end";
			case MEMBER -> "case when f.member_id <> 0 then f.member_id end";
			case WEEK -> "to_char(date_trunc('week', f.received_at at time zone :zone), 'YYYY-MM-DD')";
			case MONTH -> "to_char(date_trunc('month', f.received_at at time zone :zone), 'YYYY-MM')";
			case QUARTER -> "to_char(date_trunc('quarter', f.received_at at time zone :zone), 'YYYY-\"Q\"Q')";
			case YEAR -> "to_char(date_trunc('year', f.received_at at time zone :zone), 'YYYY')";
			default -> throw new IllegalArgumentException(by.name());
		};
	}

	/**
	 * Median and 90th percentile of contact and resolution hours from the hours'
	 * histogram.
	 */
	private double[] times(Scope scope) {
		MetricFilter f = scope.filter();
		Map<String, Object> p = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add("n <> 0");
		// all time from its own rows (a few thousand, not ten years' months of them)
		where.add((f.from() == null && f.to() == null) ? "period = " + ALL_TIME : "period > " + ALL_TIME);
		if (f.from() != null) {
			where.add("period >= :from");
			p.put("from", f.from());
		}
		if (f.to() != null) {
			where.add("period < :toNext");
			p.put("toNext", f.to().plusDays(1));
		}
		Map<String, TreeMap<Integer, Long>> hist = new HashMap<>();
		hist.put("C", new TreeMap<>());
		hist.put("R", new TreeMap<>());
		jdbc.sql("select kind, hours, sum(n) from insights_tally_hours where " + String.join(" and ", where)
				+ " group by 1, 2")
			.params(p)
			.query((rs) -> {
				hist.get(rs.getString(1)).merge(rs.getInt(2), rs.getLong(3), Long::sum);
			});
		return new double[] { percentile(hist.get("C"), 0.5), percentile(hist.get("C"), 0.9),
				percentile(hist.get("R"), 0.5), percentile(hist.get("R"), 0.9) };
	}

	/**
	 * PostgreSQL's {@code percentile_cont} over the values of a histogram of whole hours,
	 * each taken at the middle of its hour; NaN when it is empty.
	 */
	static double percentile(TreeMap<Integer, Long> histogram, double fraction) {
		long n = histogram.values().stream().mapToLong(Long::longValue).sum();
		if (n <= 0) {
			return Double.NaN;
		}
		double position = fraction * (n - 1);
		long lower = (long) Math.floor(position);
		long upper = (long) Math.ceil(position);
		double lowerValue = Double.NaN;
		double upperValue = Double.NaN;
		long seen = 0;
		for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
			long next = seen + e.getValue();
			if (Double.isNaN(lowerValue) && lower < next) {
				lowerValue = e.getKey() + 0.5;
			}
			if (upper < next) {
				upperValue = e.getKey() + 0.5;
				break;
			}
			seen = next;
		}
		return lowerValue + (upperValue - lowerValue) * (position - lower);
	}

	private static @Nullable Double nan(double value) {
		return Double.isNaN(value) ? null : value;
	}

}
