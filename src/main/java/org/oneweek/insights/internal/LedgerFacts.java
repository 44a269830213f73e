package org.oneweek.insights.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.Figures;
import org.oneweek.insights.HandoverDelay;
import org.oneweek.insights.InsightsException;
import org.oneweek.insights.InsightsProperties;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MetricFilter;
import org.oneweek.places.TownshipId;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one read model of insights that reads the ledger's tables ({@code case_file},
 * {@code case_escalation}) directly (joined with insights' own {@code callback_attempt}):
 * figures over a district's cases are set-based aggregates
 * ({@code count(*) filter (where …)}, percentiles) that the ledger's per-case API cannot
 * answer at province scale without moving every case into memory (ARCHITECTURE.md, "Read
 * models that join across modules"). It only reads. Every figure and its drill-down use
 * the same condition from {@link #CONDITIONS}, so a number and the list behind it cannot
 * disagree.
 */
@Component
public class LedgerFacts {

	/** The condition on a case row {@code c} that puts it in each measure. */
	static final Map<Measure, String> CONDITIONS = conditions();

	private final JdbcClient jdbc;

	public LedgerFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Map<Measure, String> conditions() {
		Map<Measure, String> m = new EnumMap<>(Measure.class);
		m.put(Measure.CASES, "true");
		m.put(Measure.CONTACT_DUE,
				"c.state <> :declined and (c.first_contact_at is not null or c.first_contact_due < :now)");
		m.put(Measure.CONTACT_ON_TIME,
				"c.state <> :declined and c.first_contact_at is not null and c.first_contact_at <= c.first_contact_due");
		m.put(Measure.CONTACTED, "c.first_contact_at is not null");
		m.put(Measure.RESOLUTION_DUE, "c.state <> :declined and (c.state = any(:solved) or c.resolution_due < :now)");
		m.put(Measure.RESOLVED_ON_TIME, "c.state = any(:solved) and c.resolved_at <= c.resolution_due");
		m.put(Measure.RESOLVED, "c.state = any(:solved)");
		m.put(Measure.AWAITING_CALLBACK, "c.state = :resolvedState");
		m.put(Measure.CALLBACKS, "c.state = :closedState and c.satisfaction is not null");
		m.put(Measure.SATISFIED, "c.state = :closedState and c.satisfaction = 'SATISFIED'");
		m.put(Measure.BASICALLY_SATISFIED, "c.state = :closedState and c.satisfaction = 'BASICALLY_SATISFIED'");
		m.put(Measure.UNSATISFIED, "c.state = :closedState and c.satisfaction = 'UNSATISFIED'");
		m.put(Measure.OVERDUE, "c.state = any(:active) and (c.resolution_due < :now "
				+ "or (c.first_contact_at is null and c.first_contact_due < :now))");
		String overdue = m.get(Measure.OVERDUE);
		String since = "(case when c.first_contact_at is null then least(c.first_contact_due, c.resolution_due) "
				+ "else c.resolution_due end)";
		m.put(Measure.OVERDUE_UNDER_DAY, overdue + " and " + since + " >= :dayAgo");
		m.put(Measure.OVERDUE_UNDER_WEEK, overdue + " and " + since + " < :dayAgo and " + since + " >= :weekAgo");
		m.put(Measure.OVERDUE_UNDER_MONTH, overdue + " and " + since + " < :weekAgo and " + since + " >= :monthAgo");
		m.put(Measure.OVERDUE_LONGER, overdue + " and " + since + " < :monthAgo");
		m.put(Measure.REOPENED, "c.reopened_count > 0");
		m.put(Measure.ESCALATED, "exists (select 1 from case_escalation e where e.case_id = c.id)");
		m.put(Measure.FUNDING_REQUESTED, "c.funding_requested is not null");
		m.put(Measure.FUNDING_APPROVED, "c.funding_approved is not null");
		m.put(Measure.DECLINED, "c.state = :declined");
		if (m.size() != Measure.values().length) {
			throw new IllegalStateException("a measure without its condition");
		}
		return Map.copyOf(m);
	}

	/** The scope of a filter, with the district already made its streets. */
	public record Scope(MetricFilter filter, @Nullable List<TownshipId> townships, ZoneId zone, Instant now) {

	}

	/** The figures of the whole scope. */
	public Figures figures(Scope scope, InsightsProperties weights) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select " + aggregates() + " from case_file c where " + where(scope, params);
		return jdbc.sql(sql).params(params).query((rs, n) -> figures(rs, weights)).single();
	}

	/** The figures of each group of the scope, keyed by the group's value as text. */
	public Map<String, Figures> breakdown(Scope scope, Breakdown by, InsightsProperties weights) {
		Map<String, Object> params = new HashMap<>();
		String key = key(by, params, scope.zone());
		String sql = "select " + key + " as k, " + aggregates() + " from case_file c where " + where(scope, params)
				+ " group by 1 order by 1";
		Map<String, Figures> rows = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query((rs) -> {
			String k = rs.getString("k");
			rows.put((k == null) ? "" : k, figures(rs, weights));
		});
		return rows;
	}

	/**
	 * The cases a measure counts in the scope, oldest first, at most {@code limit}.
	 */
	public List<CaseId> cases(Scope scope, Measure measure, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select c.id from case_file c where " + where(scope, params) + " and (" + CONDITIONS.get(measure)
				+ ") order by c.received_at, c.id limit :limit";
		params.put("limit", limit);
		return jdbc.sql(sql).params(params).query((rs, n) -> CaseId.of(rs.getLong(1))).list();
	}

	/** The conditions on the hand-overs {@code h} (of villages {@code v}) of a scope. */
	private static List<String> handoverConditions(Scope scope, Map<String, Object> params) {
		MetricFilter f = scope.filter();
		List<String> and = new ArrayList<>();
		and.add("exists (select 1 from case_handover_item i where i.handover_id = h.id)");
		if (f.village() != null) {
			and.add("h.village_id = :village");
			params.put("village", f.village().value());
		}
		if (f.township() != null) {
			and.add("v.township_id = :township");
			params.put("township", f.township().value());
		}
		if (scope.townships() != null) {
			and.add("v.township_id = any(:townships)");
			params.put("townships", Ids.values(scope.townships()).toArray(Long[]::new));
		}
		if (f.from() != null) {
			and.add("h.created_at >= :fromAt");
			params.put("fromAt", Timestamp.from(start(f.from(), scope.zone())));
		}
		if (f.to() != null) {
			and.add("h.created_at < :toAt");
			params.put("toAt", Timestamp.from(start(f.to().plusDays(1), scope.zone())));
		}
		return and;
	}

	/**
	 * The hand-overs the delay of a scope counts (or only those not acknowledged): the
	 * slowest first (those waiting, the longest waiting first), at most {@code limit}.
	 */
	public List<HandoverDelay.Handover> handovers(Scope scope, boolean waitingOnly, int limit) {
		Map<String, Object> params = new HashMap<>();
		List<String> and = handoverConditions(scope, params);
		if (waitingOnly) {
			and.add("h.acknowledged_at is null");
		}
		params.put("limit", limit);
		return jdbc
			.sql("select h.*, t.week_start, (select count(*) from case_handover_item i where i.handover_id = h.id) as cases "
					+ "from case_handover h join village v on v.id = h.village_id join term t on t.id = h.from_term_id where "
					+ String.join(" and ", and)
					+ " order by (h.acknowledged_at is null) desc, coalesce(h.acknowledged_at, now()) - h.created_at desc, h.id limit :limit")
			.params(params)
			.query((rs, n) -> new HandoverDelay.Handover(rs.getLong("id"), rs.getLong("village_id"),
					rs.getObject("week_start", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
					rs.getString("created_by"),
					(rs.getTimestamp("acknowledged_at") != null) ? rs.getTimestamp("acknowledged_at").toInstant()
							: null,
					rs.getString("acknowledged_by"), rs.getInt("cases")))
			.list();
	}

	/**
	 * The delay of the acknowledgement of the ledger's hand-overs of at least one case,
	 * by the filter's places and the day of the hand-over (its other criteria do not
	 * apply to hand-overs), grouped by village, street or period ({@code null}: one
	 * group, key "").
	 */
	public Map<String, HandoverDelay> handoverDelays(Scope scope, @Nullable Breakdown by) {
		Map<String, Object> params = new HashMap<>();
		List<String> and = handoverConditions(scope, params);
		params.put("zone", scope.zone().getId());
		String key = (by == null) ? "''" : switch (by) {
			// grouped by the id itself: a text key would be sorted by the collation
			case VILLAGE -> "h.village_id";
			case TOWNSHIP -> "v.township_id";
			case WEEK -> "to_char(date_trunc('week', h.created_at at time zone :zone), 'YYYY-MM-DD')";
			case MONTH -> "to_char(date_trunc('month', h.created_at at time zone :zone), 'YYYY-MM')";
			case QUARTER -> "to_char(date_trunc('quarter', h.created_at at time zone :zone), 'YYYY-\"Q\"Q')";
			case YEAR -> "to_char(date_trunc('year', h.created_at at time zone :zone), 'YYYY')";
			default -> throw new InsightsException("insights.handover.breakdown");
		};
		String hours = "extract(epoch from h.acknowledged_at - h.created_at) / 3600.0";
		String sql = "select " + key + " as k, count(*) as handovers, count(h.acknowledged_at) as acknowledged, "
				+ "percentile_cont(0.5) within group (order by " + hours
				+ ") filter (where h.acknowledged_at is not null) as median, "
				+ "percentile_cont(0.9) within group (order by " + hours
				+ ") filter (where h.acknowledged_at is not null) as p90 "
				+ "from case_handover h join village v on v.id = h.village_id where " + String.join(" and ", and)
				+ " group by 1 order by 1";
		Map<String, HandoverDelay> rows = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query((rs) -> {
			rows.put(rs.getString("k"), new HandoverDelay(rs.getLong("handovers"), rs.getLong("acknowledged"),
					number(rs, "median"), number(rs, "p90")));
		});
		return rows;
	}

	/**
	 * The hand-over delays of the whole scope ({@code ""}) and by village and by street
	 * ({@code "VILLAGE"}, {@code "TOWNSHIP"}), each in the order of its groups' ids, from
	 * one reading of the hand-overs (grouping sets) rather than three.
	 */
	public Map<String, Map<String, HandoverDelay>> handoverDelaysByPlace(Scope scope) {
		Map<String, Object> params = new HashMap<>();
		List<String> and = handoverConditions(scope, params);
		String hours = "extract(epoch from h.acknowledged_at - h.created_at) / 3600.0";
		String sql = "select grouping(h.village_id) as gv, grouping(v.township_id) as gt, h.village_id, v.township_id, "
				+ "count(*) as handovers, count(h.acknowledged_at) as acknowledged, "
				+ "percentile_cont(0.5) within group (order by " + hours
				+ ") filter (where h.acknowledged_at is not null) as median, "
				+ "percentile_cont(0.9) within group (order by " + hours
				+ ") filter (where h.acknowledged_at is not null) as p90 "
				+ "from case_handover h join village v on v.id = h.village_id where " + String.join(" and ", and)
				+ " group by grouping sets ((), (h.village_id), (v.township_id)) order by 1, 2, 3, 4";
		Map<String, Map<String, HandoverDelay>> sets = new LinkedHashMap<>();
		sets.put("", new LinkedHashMap<>());
		sets.put(Breakdown.VILLAGE.name(), new LinkedHashMap<>());
		sets.put(Breakdown.TOWNSHIP.name(), new LinkedHashMap<>());
		jdbc.sql(sql).params(params).query((rs) -> {
			HandoverDelay delay = new HandoverDelay(rs.getLong("handovers"), rs.getLong("acknowledged"),
					number(rs, "median"), number(rs, "p90"));
			if (rs.getInt("gv") == 0) {
				sets.get(Breakdown.VILLAGE.name()).put(String.valueOf(rs.getLong("village_id")), delay);
			}
			else if (rs.getInt("gt") == 0) {
				sets.get(Breakdown.TOWNSHIP.name()).put(String.valueOf(rs.getLong("township_id")), delay);
			}
			else if (delay.handovers() > 0) {
				sets.get("").put("", delay);
			}
		});
		return sets;
	}

	/** A villager's case in scope: one of the reconciliation's villagers' problems. */
	public record VillagerCase(CaseId id, long village, long township, Instant receivedAt, String category) {

	}

	/**
	 * The cases in scope that villagers raised (every source but the officials' list and
	 * inspections, as the reconciliation's first list), oldest first.
	 */
	public List<VillagerCase> villagerCases(Scope scope) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select c.id, c.village_id, c.township_id, c.received_at, c.category from case_file c where "
				+ where(scope, params) + " and c.source <> all(:notVillagers) order by c.received_at, c.id";
		params.put("notVillagers", new String[] { CaseSource.OFFICIALS_LIST.name(), CaseSource.INSPECTION.name() });
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new VillagerCase(CaseId.of(rs.getLong(1)), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/** A village's week (its Monday) with a villager's case in scope. */
	public record VillagerWeek(long village, LocalDate monday) {

	}

	/**
	 * The village-weeks of the villagers' cases in scope; only those whose stored
	 * reconciliation ({@code reconciliation_week}, the reconciliation's) is not current
	 * (never computed, of another version, or marked stale) when a version is given.
	 */
	public List<VillagerWeek> villagerWeeks(Scope scope, @Nullable String version) {
		Map<String, Object> params = new HashMap<>();
		String weeks = "select distinct c.village_id, (date_trunc('week', c.received_at at time zone :zone))::date as w "
				+ "from case_file c where " + where(scope, params) + " and c.source <> all(:notVillagers)";
		params.put("zone", scope.zone().getId());
		params.put("notVillagers", new String[] { CaseSource.OFFICIALS_LIST.name(), CaseSource.INSPECTION.name() });
		String sql = "with weeks as (" + weeks + ") select k.village_id, k.w from weeks k";
		if (version != null) {
			sql += " where not exists (select 1 from reconciliation_week r where r.village_id = k.village_id "
					+ "and r.week_start = k.w and r.version = :version) or exists (select 1 from "
					+ "reconciliation_week_stale s where s.village_id = k.village_id and s.week_start = k.w)";
			params.put("version", version);
		}
		sql += " order by 1, 2";
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new VillagerWeek(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list();
	}

	/**
	 * A villager's case in scope as a stored reconciliation counted it: its week's line,
	 * whether the line is a blind spot, and the line's category ("" when none).
	 */
	public record ProblemCase(long village, LocalDate monday, int line, boolean blind, String category,
			VillagerCase c) {

	}

	/**
	 * The villagers' cases in scope of the stored reconciliations' problems
	 * ({@code reconciliation_problem}, the reconciliation's) of the weeks from one Monday
	 * to another, by week and line, each line's cases oldest first.
	 */
	public List<ProblemCase> problemCases(Scope scope, LocalDate fromMonday, LocalDate toMonday) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select p.village_id as pv, p.week_start, p.line, p.blind, p.category as line_category, "
				+ "c.id, c.village_id, c.township_id, c.received_at, c.category "
				+ "from reconciliation_problem p join case_file c on c.id = p.case_id "
				+ "where p.kind = 'V' and p.week_start >= :fromMonday and p.week_start <= :toMonday and "
				+ where(scope, params) + " and c.source <> all(:notVillagers) "
				+ "order by p.village_id, p.week_start, p.line, c.received_at, c.id";
		params.put("fromMonday", fromMonday);
		params.put("toMonday", toMonday);
		params.put("notVillagers", new String[] { CaseSource.OFFICIALS_LIST.name(), CaseSource.INSPECTION.name() });
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new ProblemCase(rs.getLong("pv"), rs.getObject("week_start", LocalDate.class),
					rs.getInt("line"), rs.getBoolean("blind"), rs.getString("line_category"),
					new VillagerCase(CaseId.of(rs.getLong("id")), rs.getLong("village_id"), rs.getLong("township_id"),
							rs.getTimestamp("received_at").toInstant(), rs.getString("category"))))
			.list();
	}

	/**
	 * Callback attempts on the cases in scope (insights' own table joined with the
	 * ledger's): attempts, attempts that reached the villager, cases tried.
	 */
	public long[] callbackAttempts(Scope scope) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select count(*), count(*) filter (where a.reached), count(distinct a.case_id) "
				+ "from callback_attempt a join case_file c on c.id = a.case_id where " + where(scope, params);
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	private static String aggregates() {
		StringJoiner select = new StringJoiner(", ");
		for (Measure m : Measure.values()) {
			select.add("count(*) filter (where " + CONDITIONS.get(m) + ") as " + m.name().toLowerCase());
		}
		String contactHours = "extract(epoch from c.first_contact_at - c.received_at) / 3600.0";
		String resolutionHours = "extract(epoch from c.resolved_at - c.received_at) / 3600.0";
		select.add("percentile_cont(0.5) within group (order by " + contactHours + ") filter (where "
				+ CONDITIONS.get(Measure.CONTACTED) + ") as contact_median");
		select.add("percentile_cont(0.9) within group (order by " + contactHours + ") filter (where "
				+ CONDITIONS.get(Measure.CONTACTED) + ") as contact_p90");
		select.add("percentile_cont(0.5) within group (order by " + resolutionHours + ") filter (where "
				+ CONDITIONS.get(Measure.RESOLVED) + ") as resolution_median");
		select.add("percentile_cont(0.9) within group (order by " + resolutionHours + ") filter (where "
				+ CONDITIONS.get(Measure.RESOLVED) + ") as resolution_p90");
		select.add("coalesce(sum(c.funding_requested), 0) as funding_requested_sum");
		select.add("coalesce(sum(c.funding_approved), 0) as funding_approved_sum");
		return select.toString();
	}

	private static Figures figures(ResultSet rs, InsightsProperties weights) throws SQLException {
		Map<Measure, Long> counts = new EnumMap<>(Measure.class);
		for (Measure m : Measure.values()) {
			counts.put(m, rs.getLong(m.name().toLowerCase()));
		}
		return new Figures(counts, number(rs, "contact_median"), number(rs, "contact_p90"),
				number(rs, "resolution_median"), number(rs, "resolution_p90"), money(rs, "funding_requested_sum"),
				money(rs, "funding_approved_sum"), null, weights);
	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static BigDecimal money(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value == null) ? BigDecimal.ZERO : value;
	}

	private static String key(Breakdown by, Map<String, Object> params, ZoneId zone) {
		params.put("zone", zone.getId());
		return switch (by) {
			case VILLAGE -> "c.village_id::text";
			case TOWNSHIP -> "c.township_id::text";
			case CATEGORY -> "c.category";
			case TYPE -> "c.case_type";
			case UNIT -> "c.assignee_unit_id::text";
			case MEMBER -> "c.recorded_by_member::text";
			case TEAM -> "c.received_term_id::text";
			case WEEK -> "to_char(date_trunc('week', c.received_at at time zone :zone), 'YYYY-MM-DD')";
			case MONTH -> "to_char(date_trunc('month', c.received_at at time zone :zone), 'YYYY-MM')";
			case QUARTER -> "to_char(date_trunc('quarter', c.received_at at time zone :zone), 'YYYY-\"Q\"Q')";
			case YEAR -> "to_char(date_trunc('year', c.received_at at time zone :zone), 'YYYY')";
		};
	}

	private static String where(Scope scope, Map<String, Object> params) {
		MetricFilter f = scope.filter();
		List<String> and = new ArrayList<>();
		params.put("now", Timestamp.from(scope.now()));
		params.put("dayAgo", Timestamp.from(scope.now().minus(java.time.Duration.ofDays(1))));
		params.put("weekAgo", Timestamp.from(scope.now().minus(java.time.Duration.ofDays(7))));
		params.put("monthAgo", Timestamp.from(scope.now().minus(java.time.Duration.ofDays(30))));
		states(params);
		and.add("c.state <> :merged");
		if (f.village() != null) {
			and.add("c.village_id = :village");
			params.put("village", f.village().value());
		}
		if (f.township() != null) {
			// by the villages' index: a street's cases without a scan of the province's
			and.add("c.township_id = :township and c.village_id in (select v.id from village v where v.township_id = :township)");
			params.put("township", f.township().value());
		}
		if (scope.townships() != null) {
			and.add("c.township_id = any(:townships)");
			params.put("townships", Ids.values(scope.townships()).toArray(Long[]::new));
		}
		if (f.category() != null) {
			and.add("c.category = :category");
			params.put("category", f.category());
		}
		if (f.type() != null) {
			and.add("c.case_type = :type");
			params.put("type", f.type().name());
		}
		if (f.unit() != null) {
			and.add("c.assignee_unit_id = :unit");
			params.put("unit", f.unit().value());
		}
		if (f.member() != null) {
			and.add("c.recorded_by_member = :member");
			params.put("member", f.member().value());
		}
		if (f.term() != null) {
			and.add("c.received_term_id = :term");
			params.put("term", f.term().value());
		}
		if (f.from() != null) {
			and.add("c.received_at >= :fromAt");
			params.put("fromAt", Timestamp.from(start(f.from(), scope.zone())));
		}
		if (f.to() != null) {
			and.add("c.received_at < :toAt");
			params.put("toAt", Timestamp.from(start(f.to().plusDays(1), scope.zone())));
		}
		return String.join(" and ", and);
	}

	/** The states the conditions name. */
	static void states(Map<String, Object> params) {
		params.put("declined", CaseState.DECLINED.name());
		params.put("resolvedState", CaseState.RESOLVED.name());
		params.put("closedState", CaseState.CLOSED.name());
		params.put("solved", CaseState.names(CaseState.SOLVED));
		params.put("active", CaseState.names(CaseState.ACTIVE));
		params.put("merged", CaseState.MERGED.name());
	}

	static Instant start(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

}
