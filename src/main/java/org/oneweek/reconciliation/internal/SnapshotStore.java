package org.oneweek.reconciliation.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.oneweek.reconciliation.HandoverReconciliation;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliations as handed over (reconciliation_handover), one per term, written
 * once.
 */
@Component
public class SnapshotStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SnapshotStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Stores the term's snapshot unless it has one; answers whether it was stored. */
	public boolean save(HandoverReconciliation snapshot) {
		return jdbc.sql("""
				insert into reconciliation_handover (term_id, village_id, week_start, frozen_at, content)
				values (?, ?, ?, ?, cast(? as jsonb)) on conflict (term_id) do nothing""")
			.params(snapshot.termId(), snapshot.villageId(), snapshot.monday(), Timestamp.from(snapshot.frozenAt()),
					json.writeValueAsString(snapshot))
			.update() > 0;
	}

	public Optional<HandoverReconciliation> of(TermId termId) {
		return jdbc.sql("select content::text from reconciliation_handover where term_id = ?")
			.param(termId.value())
			.query(String.class)
			.optional()
			.map((content) -> json.readValue(content, HandoverReconciliation.class));
	}

}
