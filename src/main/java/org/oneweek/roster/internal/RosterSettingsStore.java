package org.oneweek.roster.internal;

import java.util.Map;

import org.oneweek.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one row of planning settings.
 */
@Component
public class RosterSettingsStore {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RosterSettingsStore(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public RosterSettings current() {
		return jdbc.sql("select * from roster_settings where id = 1")
			.query((rs, n) -> new RosterSettings(RosterSettings.parseDays(rs.getString("working_days")),
					rs.getInt("max_terms_per_quarter"), rs.getInt("spread_weeks"), rs.getInt("time_limit_seconds")))
			.single();
	}

	@Transactional
	public void update(RosterSettings settings, String actor) {
		RosterSettings before = current();
		jdbc.sql("""
				update roster_settings set working_days = ?, max_terms_per_quarter = ?, spread_weeks = ?,
				time_limit_seconds = ?, updated_by = ?, updated_at = now() where id = 1""")
			.params(settings.workingDaysText(), settings.maxTermsPerQuarter(), settings.spreadWeeks(),
					settings.timeLimitSeconds(), actor)
			.update();
		audit.record("roster_settings", 1, "update", actor, values(before), values(settings));
	}

	private static Map<String, Object> values(RosterSettings settings) {
		return Map.of("workingDays", settings.workingDaysText(), "maxTermsPerQuarter", settings.maxTermsPerQuarter(),
				"spreadWeeks", settings.spreadWeeks(), "timeLimitSeconds", settings.timeLimitSeconds());
	}

}
