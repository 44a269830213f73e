package org.oneweek.reconciliation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.oneweek.reconciliation.Decision;
import org.oneweek.reconciliation.ItemKind;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.reconciliation.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decisions (reconciliation_decision), one per pair; a new decision on a pair
 * replaces the last, which is kept in reconciliation_decision_log.
 */
@Component
public class DecisionStore {

	private final JdbcClient jdbc;

	DecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Decision> of(VillageId villageId, LocalDate monday) {
		return jdbc
			.sql("""
					select * from reconciliation_decision where village_id = ? and week_start = ? order by decided_at, id""")
			.params(villageId.value(), monday)
			.query((rs, n) -> new Decision(
					Pair.of(new ItemRef(ItemKind.of(rs.getString("left_kind").charAt(0)), rs.getLong("left_id")),
							new ItemRef(ItemKind.of(rs.getString("right_kind").charAt(0)), rs.getLong("right_id"))),
					Verdict.valueOf(rs.getString("verdict")), rs.getBoolean("manual"), rs.getString("decided_by_name"),
					rs.getTimestamp("decided_at").toInstant()))
			.list();
	}

	public void save(VillageId villageId, LocalDate monday, Pair pair, Verdict verdict, boolean manual,
			AccountPrincipal me, Instant now) {
		jdbc.sql(
				"""
						insert into reconciliation_decision_log (village_id, week_start, left_kind, left_id, right_kind, right_id,
						  verdict, manual, decided_by_name, decided_at)
						select village_id, week_start, left_kind, left_id, right_kind, right_id, verdict, manual, decided_by_name,
						  decided_at
						from reconciliation_decision where left_kind = ? and left_id = ? and right_kind = ? and right_id = ?""")
			.params(code(pair.left()), pair.left().id(), code(pair.right()), pair.right().id())
			.update();
		jdbc.sql("""
				insert into reconciliation_decision (village_id, week_start, left_kind, left_id, right_kind, right_id,
				  verdict, manual, decided_by, decided_by_name, decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (left_kind, left_id, right_kind, right_id) do update set village_id = excluded.village_id,
				  week_start = excluded.week_start, verdict = excluded.verdict, manual = excluded.manual,
				  decided_by = excluded.decided_by, decided_by_name = excluded.decided_by_name,
				  decided_at = excluded.decided_at""")
			.params(villageId.value(), monday, code(pair.left()), pair.left().id(), code(pair.right()),
					pair.right().id(), verdict.name(), manual, me.accountId().value(), me.displayName(),
					Timestamp.from(now))
			.update();
	}

	private static String code(ItemRef ref) {
		return String.valueOf(ref.kind().code());
	}

}
