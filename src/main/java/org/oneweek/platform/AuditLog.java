package org.oneweek.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only history of changes to master records (places, members, accounts): what
 * was there before and after, who changed it and when.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entity, Object entityId, String action, String actor, @Nullable Map<String, ?> before,
			@Nullable Map<String, ?> after) {
		jdbc.sql("""
				insert into audit_log (entity, entity_id, action, actor, before, after)
				values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(entity, String.valueOf(entityId), action, actor, toJson(before), toJson(after))
			.update();
	}

	private @Nullable String toJson(@Nullable Map<String, ?> values) {
		return (values != null) ? json.writeValueAsString(values) : null;
	}

}
