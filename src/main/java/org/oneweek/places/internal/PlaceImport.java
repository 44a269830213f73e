package org.oneweek.places.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.PhoneNumbers;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.RowError;
import org.oneweek.places.PlaceRules;
import org.oneweek.places.Places;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports districts, townships/streets and villages/communities from one sheet, one place
 * a row, each naming its parent by code. Codes already in the database are refused rather
 * than overwritten: a code is part of printed addresses.
 */
@Component
class PlaceImport implements ImportKind {

	enum Level {

		DISTRICT, STREET, TOWN, VILLAGE, COMMUNITY;

		static @Nullable Level parse(String text) {
			return switch (text.strip().toLowerCase(Locale.ROOT)) {
				case "区", "县", "district" -> DISTRICT;
				case "街道", "street" -> STREET;
				case "镇", "乡", "town", "township" -> TOWN;
				case "村", "village" -> VILLAGE;
				case "社区", "community" -> COMMUNITY;
				default -> null;
			};
		}

		Level parentLevel() {
			return switch (this) {
				case DISTRICT -> DISTRICT;
				case STREET, TOWN -> DISTRICT;
				case VILLAGE, COMMUNITY -> STREET;
			};
		}

		boolean isTownship() {
			return this == STREET || this == TOWN;
		}

		boolean isVillage() {
			return this == VILLAGE || this == COMMUNITY;
		}

	}

	private static final List<Column> COLUMNS = List.of(Column.required("level", "级别", "层级", "类型", "level", "type"),
			Column.required("code", "编码", "代码", "code"), Column.required("name", "名称", "name"),
			Column.optional("parent", "上级编码", "上级代码", "parent code", "parent"),
			Column.optional("population", "人口", "population"), Column.optional("households", "户数", "households"),
			Column.optional("contact", "联系人", "村委会联系人", "contact", "committee contact"),
			Column.optional("phone", "联系电话", "电话", "phone"), Column.optional("address", "地址", "address"),
			Column.optional("casePrefix", "案件编号前缀", "编号前缀", "case prefix"));

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final Places places;

	PlaceImport(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Places places) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.places = places;
	}

	@Override
	public String name() {
		return "places";
	}

	@Override
	public String doneUrl() {
		return "/places";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<RowError> validate(List<Row> rows) {
		Set<String> existing = new HashSet<>(jdbc
			.sql("select code from district union all select code from township union all select code from village")
			.query(String.class)
			.list());
		Set<String> districts = new HashSet<>(jdbc.sql("select code from district").query(String.class).list());
		Set<String> townships = new HashSet<>(jdbc.sql("select code from township").query(String.class).list());
		Map<String, Integer> firstLine = new HashMap<>();
		for (Row row : rows) {
			Level level = (row.get("level") != null) ? Level.parse(row.get("level")) : null;
			String code = row.get("code");
			if (level == null || code == null) {
				continue;
			}
			if (level == Level.DISTRICT) {
				districts.add(code);
			}
			else if (level.isTownship()) {
				townships.add(code);
			}
		}
		List<RowError> errors = new ArrayList<>();
		for (Row row : rows) {
			int line = row.line();
			String levelText = row.get("level");
			Level level = (levelText != null) ? Level.parse(levelText) : null;
			if (levelText == null) {
				errors.add(RowError.of(line, "level", "import.error.required"));
			}
			else if (level == null) {
				errors.add(RowError.of(line, "level", "places.import.badLevel", levelText));
			}
			String code = row.get("code");
			if (code == null) {
				errors.add(RowError.of(line, "code", "import.error.required"));
			}
			else if (!code.matches(PlaceRules.CODE_PATTERN)) {
				errors.add(RowError.of(line, "code", "places.code.pattern"));
			}
			else if (existing.contains(code)) {
				errors.add(RowError.of(line, "code", "places.import.codeExists", code));
			}
			else if (firstLine.containsKey(code)) {
				errors.add(RowError.of(line, "code", "import.error.duplicateInFile", code, firstLine.get(code)));
			}
			else {
				firstLine.put(code, line);
			}
			String name = row.get("name");
			if (name == null) {
				errors.add(RowError.of(line, "name", "import.error.required"));
			}
			else if (name.length() > 60) {
				errors.add(RowError.of(line, "name", "import.error.tooLong", 60));
			}
			String parent = row.get("parent");
			if (level != null && level != Level.DISTRICT) {
				Set<String> parents = level.isTownship() ? districts : townships;
				if (parent == null) {
					errors.add(RowError.of(line, "parent", "import.error.required"));
				}
				else if (!parents.contains(parent)) {
					errors.add(RowError.of(line, "parent", "places.import.unknownParent", parent));
				}
			}
			if (level == Level.DISTRICT) {
				String prefix = row.get("casePrefix");
				if (prefix == null) {
					errors.add(RowError.of(line, "casePrefix", "import.error.required"));
				}
				else if (!prefix.matches(PlaceRules.CASE_PREFIX_PATTERN)) {
					errors.add(RowError.of(line, "casePrefix", "places.casePrefix.pattern"));
				}
			}
			checkCount(row, "population", errors);
			checkCount(row, "households", errors);
			String phone = row.get("phone");
			if (phone != null && !PhoneNumbers.isValid(phone)) {
				errors.add(RowError.of(line, "phone", "validation.phone"));
			}
			for (String key : List.of("contact", "address")) {
				String value = row.get(key);
				if (value != null && value.length() > 200) {
					errors.add(RowError.of(line, key, "import.error.tooLong", 200));
				}
			}
		}
		return errors;
	}

	private static void checkCount(Row row, String key, List<RowError> errors) {
		String value = row.get(key);
		if (value == null) {
			return;
		}
		try {
			int count = Integer.parseInt(value.replace(",", ""));
			if (count < 0 || count > 10_000_000) {
				errors.add(RowError.of(row.line(), key, "import.error.badNumber", value));
			}
		}
		catch (NumberFormatException ex) {
			errors.add(RowError.of(row.line(), key, "import.error.badNumber", value));
		}
	}

	@Override
	public int apply(List<Row> rows, String actor) {
		places.changed();
		List<Row> districts = rows.stream().filter((r) -> Level.parse(r.get("level")) == Level.DISTRICT).toList();
		List<Row> townships = rows.stream().filter((r) -> Level.parse(r.get("level")).isTownship()).toList();
		List<Row> villages = rows.stream().filter((r) -> Level.parse(r.get("level")).isVillage()).toList();
		template.batchUpdate("insert into district (code, name, case_prefix) values (?, ?, ?)",
				districts.stream()
					.map((r) -> new Object[] { r.get("code"), r.get("name"), r.get("casePrefix") })
					.toList());
		Map<String, Long> districtIds = ids("district");
		template.batchUpdate("insert into township (district_id, code, name, kind, population) values (?, ?, ?, ?, ?)",
				townships.stream()
					.map((r) -> new Object[] { districtIds.get(r.get("parent")), r.get("code"), r.get("name"),
							Level.parse(r.get("level")) == Level.TOWN ? "TOWN" : "STREET", count(r, "population") })
					.toList());
		Map<String, Long> townshipIds = ids("township");
		template.batchUpdate("""
				insert into village (township_id, code, name, kind, population, households, committee_contact,
				committee_phone, address) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", villages.stream()
			.map((r) -> new Object[] { townshipIds.get(r.get("parent")), r.get("code"), r.get("name"),
					Level.parse(r.get("level")) == Level.COMMUNITY ? "COMMUNITY" : "VILLAGE", count(r, "population"),
					count(r, "households"), r.get("contact"), stored(r.get("phone")), r.get("address") })
			.toList());
		audit.record("places", "import", "import", actor, null,
				Map.of("districts", districts.size(), "townships", townships.size(), "villages", villages.size()));
		return rows.size();
	}

	private Map<String, Long> ids(String table) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, code from " + table).query((rs) -> {
			ids.put(rs.getString("code"), rs.getLong("id"));
		});
		return ids;
	}

	private static @Nullable Integer count(Row row, String key) {
		String value = row.get(key);
		return (value != null) ? Integer.valueOf(value.replace(",", "")) : null;
	}

	/** The phone in its stored form (the rows were checked before). */
	private static @Nullable String stored(@Nullable String phone) {
		return (phone == null) ? null : PhoneNumbers.normalised(phone).orElse(phone);
	}

}
