package org.oneweek.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oneweek.platform.AuditLog;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportDates;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.RowError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports the dates members cannot serve (travel, illness, family), one period a row. A
 * member is found by phone number; a name, if given, must match, so a typo in a number
 * does not mark someone else away.
 */
@Component
class UnavailabilityImport implements ImportKind {

	/** A period longer than this is almost surely a typo in a year. */
	static final int MAX_DAYS = 366;

	private static final List<Column> COLUMNS = List.of(Column.required("phone", "手机号", "电话", "联系电话", "phone"),
			Column.optional("name", "姓名", "name"), Column.required("from", "开始日期", "起始日期", "从", "from", "start"),
			Column.required("to", "结束日期", "截止日期", "到", "to", "end"), Column.optional("reason", "原因", "事由", "reason"));

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	UnavailabilityImport(JdbcClient jdbc, JdbcTemplate template, AuditLog audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "unavailability";
	}

	@Override
	public String doneUrl() {
		return "/members";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<RowError> validate(List<Row> rows) {
		Map<String, long[]> byPhone = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select id, phone, name from member").query((rs) -> {
			byPhone.put(rs.getString("phone"), new long[] { rs.getLong("id") });
			names.put(rs.getString("phone"), rs.getString("name"));
		});
		Set<String> existing = new HashSet<>(
				jdbc.sql("select member_id || '/' || from_date || '/' || to_date from member_unavailability")
					.query(String.class)
					.list());
		Map<String, Integer> firstLine = new HashMap<>();
		List<RowError> errors = new ArrayList<>();
		for (Row row : rows) {
			int line = row.line();
			String phone = row.get("phone");
			long[] member = null;
			if (phone == null) {
				errors.add(RowError.of(line, "phone", "import.error.required"));
			}
			else if (!byPhone.containsKey(phone)) {
				errors.add(RowError.of(line, "phone", "people.import.unknownPhone", phone));
			}
			else {
				member = byPhone.get(phone);
				String name = row.get("name");
				if (name != null && !name.equals(names.get(phone))) {
					errors.add(RowError.of(line, "name", "people.import.nameMismatch", name, names.get(phone)));
				}
			}
			LocalDate from = date(row, "from", errors);
			LocalDate to = date(row, "to", errors);
			if (from != null && to != null) {
				if (to.isBefore(from)) {
					errors.add(RowError.of(line, "to", "people.unavailability.order"));
				}
				else if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
					errors.add(RowError.of(line, "to", "people.import.tooLong", MAX_DAYS));
				}
				else if (member != null) {
					String key = member[0] + "/" + from + "/" + to;
					if (existing.contains(key)) {
						errors.add(RowError.of(line, "", "people.import.unavailabilityExists", phone, from, to));
					}
					else if (firstLine.containsKey(key)) {
						errors.add(RowError.of(line, "", "import.error.duplicateInFile", phone, firstLine.get(key)));
					}
					else {
						firstLine.put(key, line);
					}
				}
			}
			String reason = row.get("reason");
			if (reason != null && reason.length() > 200) {
				errors.add(RowError.of(line, "reason", "import.error.tooLong", 200));
			}
		}
		return errors;
	}

	@Override
	public int apply(List<Row> rows, String actor) {
		Map<String, Long> byPhone = new HashMap<>();
		jdbc.sql("select id, phone from member").query((rs) -> {
			byPhone.put(rs.getString("phone"), rs.getLong("id"));
		});
		template.batchUpdate(
				"insert into member_unavailability (member_id, from_date, to_date, reason) values (?, ?, ?, ?)",
				rows.stream()
					.map((r) -> new Object[] { byPhone.get(r.get("phone")), ImportDates.parse(r.get("from")),
							ImportDates.parse(r.get("to")), r.get("reason") })
					.toList());
		audit.record("member_unavailability", "import", "import", actor, null, Map.of("periods", rows.size()));
		return rows.size();
	}

	private static LocalDate date(Row row, String column, List<RowError> errors) {
		String text = row.get(column);
		if (text == null) {
			errors.add(RowError.of(row.line(), column, "import.error.required"));
			return null;
		}
		LocalDate date = ImportDates.parse(text);
		if (date == null) {
			errors.add(RowError.of(row.line(), column, "import.error.badDate", text));
		}
		return date;
	}

}
