package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Weeks;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportDates;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.RowError;
import org.oneweek.roster.VillageSchedule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports which villages need a team when: a village by its code, the first week, every
 * how many weeks, and optionally the last week. Dates may be any day of their week.
 */
@Component
class ScheduleImport implements ImportKind {

	private static final List<Column> COLUMNS = List.of(Column.required("village", "村编码", "村代码", "village code"),
			Column.required("from", "开始日期", "起始日期", "首周", "from", "first week"),
			Column.optional("every", "间隔周数", "每几周", "every weeks", "every"),
			Column.optional("to", "结束日期", "截止日期", "末周", "to", "last week"));

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final Places places;

	ScheduleImport(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Places places) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.places = places;
	}

	@Override
	public String name() {
		return "village-schedules";
	}

	@Override
	public String doneUrl() {
		return "/roster/schedules";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<RowError> validate(List<Row> rows) {
		Map<String, Long> villages = villages();
		Set<String> existing = new HashSet<>(jdbc
			.sql("select village_id || '/' || first_week || '/' || coalesce(last_week::text, '') || '/' || every_weeks "
					+ "from village_schedule")
			.query(String.class)
			.list());
		Map<String, Integer> firstLine = new HashMap<>();
		List<RowError> errors = new ArrayList<>();
		for (Row row : rows) {
			int line = row.line();
			String code = row.get("village");
			Long village = null;
			if (code == null) {
				errors.add(RowError.of(line, "village", "import.error.required"));
			}
			else if (!villages.containsKey(code)) {
				errors.add(RowError.of(line, "village", "roster.import.unknownVillage", code));
			}
			else {
				village = villages.get(code);
			}
			LocalDate from = null;
			String fromText = row.get("from");
			if (fromText == null) {
				errors.add(RowError.of(line, "from", "import.error.required"));
			}
			else if ((from = ImportDates.parse(fromText)) == null) {
				errors.add(RowError.of(line, "from", "import.error.badDate", fromText));
			}
			LocalDate to = null;
			String toText = row.get("to");
			if (toText != null && (to = ImportDates.parse(toText)) == null) {
				errors.add(RowError.of(line, "to", "import.error.badDate", toText));
			}
			if (from != null && to != null && Weeks.mondayOf(to).isBefore(Weeks.mondayOf(from))) {
				errors.add(RowError.of(line, "to", "roster.schedule.order"));
			}
			Integer every = every(row.get("every"));
			if (every == null) {
				errors.add(RowError.of(line, "every", "roster.import.badEvery", row.get("every"),
						VillageSchedule.MAX_EVERY_WEEKS));
			}
			if (village != null && from != null && every != null) {
				String key = village + "/" + Weeks.mondayOf(from) + "/"
						+ ((to != null) ? Weeks.mondayOf(to).toString() : "") + "/" + every;
				if (existing.contains(key)) {
					errors.add(RowError.of(line, "", "roster.import.scheduleExists", code));
				}
				else if (firstLine.containsKey(key)) {
					errors.add(RowError.of(line, "", "import.error.duplicateInFile", code, firstLine.get(key)));
				}
				else {
					firstLine.put(key, line);
				}
			}
		}
		return errors;
	}

	@Override
	public int apply(List<Row> rows, String actor) {
		Map<String, Long> villages = villages();
		template.batchUpdate("""
				insert into village_schedule (village_id, first_week, last_week, every_weeks, created_by)
				values (?, ?, ?, ?, ?)""", rows.stream().map((r) -> {
			LocalDate to = ImportDates.parse(r.get("to"));
			return new Object[] { villages.get(r.get("village")), Weeks.mondayOf(ImportDates.parse(r.get("from"))),
					(to != null) ? Weeks.mondayOf(to) : null, every(r.get("every")), actor };
		}).toList());
		audit.record("village_schedule", "import", "import", actor, null, Map.of("schedules", rows.size()));
		return rows.size();
	}

	/** The active villages' ids by their codes. */
	private Map<String, Long> villages() {
		Map<String, Long> villages = new HashMap<>();
		places.villages().stream().filter(Village::active).forEach((v) -> villages.put(v.code(), v.id().value()));
		return villages;
	}

	/** Every how many weeks: empty is every week; 每周, 隔周 and 每3周 are understood. */
	static @Nullable Integer every(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 1;
		}
		String value = text.strip().replace("每周", "1").replace("隔周", "2").replace("每", "").replace("周", "");
		try {
			int every = Integer.parseInt(value.strip());
			return (every >= 1 && every <= VillageSchedule.MAX_EVERY_WEEKS) ? every : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
