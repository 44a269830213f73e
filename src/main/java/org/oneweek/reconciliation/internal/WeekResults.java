package org.oneweek.reconciliation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;
import org.oneweek.reconciliation.Item;
import org.oneweek.reconciliation.ItemKind;
import org.oneweek.reconciliation.WeekReconciliation;
import org.oneweek.reconciliation.WeekReconciliation.Line;
import org.oneweek.reconciliation.WeekReconciliation.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored result of each village-week's reconciliation ({@code reconciliation_week},
 * {@code reconciliation_problem}) and the weeks gone stale since
 * ({@code reconciliation_week_stale}): marked in the transaction of each change the
 * computation reads, recomputed in a transaction of its own when needed.
 */
@Component
public class WeekResults {

	private final JdbcClient jdbc;

	WeekResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the village's week stale, in the transaction of the change. */
	public void stale(VillageId villageId, LocalDate monday) {
		jdbc.sql("insert into reconciliation_week_stale (village_id, week_start) values (?, ?)")
			.params(villageId.value(), monday)
			.update();
	}

	/** Marks every stored week stale. */
	public void staleAll() {
		jdbc.sql("""
				insert into reconciliation_week_stale (village_id, week_start)
				select village_id, week_start from reconciliation_week""").update();
	}

	/**
	 * Marks stale the weeks whose stored problems hold the case (a case moved to another
	 * village or week leaves its old week's result stale too).
	 */
	public void staleHolding(long caseId) {
		jdbc.sql("""
				insert into reconciliation_week_stale (village_id, week_start)
				select distinct village_id, week_start from reconciliation_problem where case_id = ?""")
			.param(caseId)
			.update();
	}

	/**
	 * Where a computation of the week begins: the generation of its stored result
	 * ({@code null} when never stored), its version, and the stale marks seen, read in
	 * the caller's transaction before the week is computed.
	 */
	public record Start(@Nullable Long generation, @Nullable String version, List<Long> seen) {

		/** Whether the stored result is current: of this version, nothing stale. */
		public boolean current(String version) {
			return generation != null && version.equals(this.version) && seen.isEmpty();
		}

	}

	/** Reads where a computation of the week begins (before computing it). */
	public Start begin(VillageId villageId, LocalDate monday) {
		long village = villageId.value();
		Start stored = jdbc
			.sql("select generation, version from reconciliation_week where village_id = ? and week_start = ?")
			.params(village, monday)
			.query((rs, i) -> new Start(rs.getLong(1), rs.getString(2), List.of()))
			.optional()
			.orElse(new Start(null, null, List.of()));
		List<Long> seen = jdbc.sql("select id from reconciliation_week_stale where village_id = ? and week_start = ?")
			.params(village, monday)
			.query(Long.class)
			.list();
		return new Start(stored.generation(), stored.version(), seen);
	}

	/**
	 * Stores the week's result computed since {@link #begin}, in a transaction of its own
	 * (a read-only request brings the weeks it needs up to date), unless another
	 * computation stored one meanwhile (the generation moved): then the marks this one
	 * did not see stay, and the week is computed again when next needed. The stale marks
	 * seen at the beginning are removed, so a change committed while it ran keeps the
	 * week stale.
	 * @return whether it was stored
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean write(VillageId villageId, LocalDate monday, Start start, String version, WeekReconciliation week,
			Instant now) {
		long village = villageId.value();
		int claimed = (start.generation() == null)
				? jdbc.sql("""
						insert into reconciliation_week (village_id, week_start, version, generation, computed_at)
						values (?, ?, ?, 1, ?) on conflict (village_id, week_start) do nothing""")
					.params(village, monday, version, Timestamp.from(now))
					.update()
				: jdbc.sql("""
						update reconciliation_week set version = ?, generation = generation + 1, computed_at = ?
						where village_id = ? and week_start = ? and generation = ?""")
					.params(version, Timestamp.from(now), village, monday, start.generation())
					.update();
		if (claimed == 0) {
			return false;
		}
		jdbc.sql("delete from reconciliation_problem where village_id = ? and week_start = ?")
			.params(village, monday)
			.update();
		List<Object[]> rows = new ArrayList<>();
		for (Row row : rows(week)) {
			rows.add(new Object[] { village, monday, row.line(), row.kind(), row.caseId(), row.blind(), row.category(),
					Timestamp.from(row.receivedAt()) });
		}
		if (!rows.isEmpty()) {
			jdbc.sql("""
					insert into reconciliation_problem (village_id, week_start, line, kind, case_id, blind, category,
					  received_at)
					select * from unnest(?::bigint[], ?::date[], ?::int[], ?::char(1)[], ?::bigint[], ?::boolean[],
					  ?::text[], ?::timestamptz[])""")
				.params(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4),
						column(rows, 5), column(rows, 6), column(rows, 7))
				.update();
		}
		if (!start.seen().isEmpty()) {
			jdbc.sql("delete from reconciliation_week_stale where id = any(?)")
				.param(start.seen().toArray(Long[]::new))
				.update();
		}
		return true;
	}

	private static Object[] column(List<Object[]> rows, int i) {
		Object[] values = switch (i) {
			case 0, 4 -> new Long[rows.size()];
			case 1 -> new java.sql.Date[rows.size()];
			case 2 -> new Integer[rows.size()];
			case 3, 6 -> new String[rows.size()];
			case 5 -> new Boolean[rows.size()];
			default -> new Timestamp[rows.size()];
		};
		for (int r = 0; r < rows.size(); r++) {
			Object value = rows.get(r)[i];
			values[r] = (value instanceof LocalDate day) ? java.sql.Date.valueOf(day) : value;
		}
		return values;
	}

	/** One stored row: a case of a villagers' problem of the week. */
	public record Row(int line, String kind, long caseId, boolean blind, String category, Instant receivedAt) {

	}

	/**
	 * The rows of a week's reconciliation: each line with a villager's case (matched or
	 * villager-only), its villagers' cases and its officials' items.
	 */
	public static List<Row> rows(WeekReconciliation week) {
		List<Row> rows = new ArrayList<>();
		int n = 0;
		for (Line line : week.lines()) {
			if (line.outcome() != Outcome.MATCHED && line.outcome() != Outcome.VILLAGER_ONLY) {
				continue;
			}
			boolean blind = line.outcome() == Outcome.VILLAGER_ONLY;
			for (Item item : line.items()) {
				if (item.caseId() != null && item.kind() != ItemKind.FINDING) {
					rows.add(new Row(n, String.valueOf(item.kind().code()), item.caseId(), blind, line.category(),
							item.at()));
				}
			}
			n++;
		}
		return rows;
	}

	/** The stored weeks a read trusts (of this version, nothing stale). */
	public List<VillageWeekRow> fresh(String version) {
		return jdbc.sql("""
				select w.village_id, w.week_start from reconciliation_week w where w.version = ?
				and not exists (select 1 from reconciliation_week_stale s
				  where s.village_id = w.village_id and s.week_start = w.week_start)
				order by 1, 2""")
			.param(version)
			.query((rs, i) -> new VillageWeekRow(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list();
	}

	/** A village-week by its ids. */
	public record VillageWeekRow(long village, LocalDate monday) {

	}

	/**
	 * The stored week's problems, each as one line of text (its cases, whether blind, its
	 * category), sorted: what {@link #signature(List)} gives for a recomputation.
	 */
	public List<String> stored(VillageWeekRow week) {
		List<Row> rows = jdbc.sql("""
				select line, kind, case_id, blind, category, received_at from reconciliation_problem
				where village_id = ? and week_start = ?""")
			.params(week.village(), week.monday())
			.query((rs, i) -> new Row(rs.getInt(1), rs.getString(2).strip(), rs.getLong(3), rs.getBoolean(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
		return signature(rows);
	}

	/** The problems of the rows, each one sorted line of text, in order. */
	public static List<String> signature(Collection<Row> rows) {
		java.util.Map<Integer, TreeSet<String>> lines = new java.util.TreeMap<>();
		java.util.Map<Integer, String> heads = new java.util.HashMap<>();
		for (Row row : rows) {
			lines.computeIfAbsent(row.line(), (l) -> new TreeSet<>())
				.add(row.kind() + row.caseId() + "@" + row.receivedAt());
			heads.put(row.line(), row.blind() + "|" + row.category());
		}
		List<String> result = new ArrayList<>();
		lines.forEach((line, items) -> result.add(heads.get(line) + "|" + String.join(",", items)));
		result.sort(null);
		return result;
	}

}
