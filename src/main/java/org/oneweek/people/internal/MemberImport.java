package org.oneweek.people.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.PeopleRules;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.PhoneNumbers;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.RowError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports members from the spreadsheet the organization department keeps today. A member
 * is identified by their phone number: a number already on file is an error, not an
 * update.
 */
@Component
class MemberImport implements ImportKind {

	private static final List<Column> COLUMNS = List.of(Column.required("name", "姓名", "name"),
			Column.required("gender", "性别", "gender"), Column.required("birthYear", "出生年份", "出生年", "birth year"),
			Column.required("phone", "手机号", "电话", "联系电话", "phone"), Column.optional("retired", "是否退休", "退休", "retired"),
			Column.optional("township", "所在街道编码", "街道编码", "township code"),
			Column.optional("village", "所在村编码", "村编码", "village code"), Column.optional("skills", "专长", "skills"),
			Column.optional("notes", "备注", "notes"));

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final Places places;

	MemberImport(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Places places) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.places = places;
	}

	@Override
	public String name() {
		return "members";
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
		// compared by their digits, so that a row typed as 139 2500 1013 is the stored
		// 13925001013
		Set<String> phones = new HashSet<>(jdbc.sql("select phone from member")
			.query(String.class)
			.list()
			.stream()
			.map(PhoneNumbers::key)
			.toList());
		Codes codes = codes();
		Map<String, Long> townships = codes.townships();
		Map<String, Long> villages = codes.villages();
		Map<String, Long> villageTownship = codes.villageTownships();
		Map<String, Integer> firstLine = new HashMap<>();
		int thisYear = Year.now().getValue();
		List<RowError> errors = new ArrayList<>();
		for (Row row : rows) {
			int line = row.line();
			String name = row.get("name");
			if (name == null) {
				errors.add(RowError.of(line, "name", "import.error.required"));
			}
			else if (name.length() > 40) {
				errors.add(RowError.of(line, "name", "import.error.tooLong", 40));
			}
			String gender = row.get("gender");
			if (gender == null) {
				errors.add(RowError.of(line, "gender", "import.error.required"));
			}
			else if (gender(gender) == null) {
				errors.add(RowError.of(line, "gender", "people.import.badGender", gender));
			}
			String birthYear = row.get("birthYear");
			if (birthYear == null) {
				errors.add(RowError.of(line, "birthYear", "import.error.required"));
			}
			else {
				Integer year = parseYear(birthYear);
				if (year == null || year < 1900 || year > thisYear - 16) {
					errors.add(RowError.of(line, "birthYear", "people.import.badYear", birthYear));
				}
			}
			String phone = row.get("phone");
			if (phone == null) {
				errors.add(RowError.of(line, "phone", "import.error.required"));
			}
			else if (!PhoneNumbers.isValid(phone)) {
				errors.add(RowError.of(line, "phone", "validation.phone"));
			}
			else if (phones.contains(PhoneNumbers.key(phone))) {
				errors.add(RowError.of(line, "phone", "people.import.phoneExists", phone));
			}
			else if (firstLine.containsKey(PhoneNumbers.key(phone))) {
				errors.add(RowError.of(line, "phone", "import.error.duplicateInFile", phone,
						firstLine.get(PhoneNumbers.key(phone))));
			}
			else {
				firstLine.put(PhoneNumbers.key(phone), line);
			}
			String retired = row.get("retired");
			if (retired != null && yesNo(retired) == null) {
				errors.add(RowError.of(line, "retired", "people.import.badYesNo", retired));
			}
			String township = row.get("township");
			if (township != null && !townships.containsKey(township)) {
				errors.add(RowError.of(line, "township", "places.import.unknownParent", township));
			}
			String village = row.get("village");
			if (village != null) {
				if (!villages.containsKey(village)) {
					errors.add(RowError.of(line, "village", "places.import.unknownParent", village));
				}
				else if (township != null && townships.containsKey(township)
						&& !townships.get(township).equals(villageTownship.get(village))) {
					errors.add(RowError.of(line, "village", "people.village.notInTownship"));
				}
			}
			for (String key : List.of("skills", "notes")) {
				String value = row.get(key);
				if (value != null && value.length() > 500) {
					errors.add(RowError.of(line, key, "import.error.tooLong", 500));
				}
			}
		}
		return errors;
	}

	@Override
	public int apply(List<Row> rows, String actor) {
		Codes codes = codes();
		Map<String, Long> townships = codes.townships();
		Map<String, Long> villages = codes.villages();
		Map<String, Long> villageTownship = codes.villageTownships();
		template.batchUpdate("""
				insert into member (name, gender, birth_year, retired, phone, home_township_id, home_village_id,
				skills, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map((r) -> {
			String village = r.get("village");
			Long townshipId = (r.get("township") != null) ? townships.get(r.get("township"))
					: (village != null) ? villageTownship.get(village) : null;
			return new Object[] { r.get("name"), gender(r.get("gender")), parseYear(r.get("birthYear")),
					r.get("retired") != null && Boolean.TRUE.equals(yesNo(r.get("retired"))),
					PhoneNumbers.normalised(r.get("phone")).orElse(r.get("phone")), townshipId,
					(village != null) ? villages.get(village) : null, r.get("skills"), r.get("notes") };
		}).toList());
		audit.record("member", "import", "import", actor, null, Map.of("members", rows.size()));
		return rows.size();
	}

	/**
	 * The places a sheet names by code: townships' and villages' ids, and each village's
	 * township.
	 */
	private record Codes(Map<String, Long> townships, Map<String, Long> villages, Map<String, Long> villageTownships) {

	}

	private Codes codes() {
		Map<String, Long> townships = new HashMap<>();
		for (Township township : places.townships()) {
			townships.put(township.code(), township.id().value());
		}
		Map<String, Long> villages = new HashMap<>();
		Map<String, Long> villageTownships = new HashMap<>();
		for (Village village : places.villages()) {
			villages.put(village.code(), village.id().value());
			villageTownships.put(village.code(), village.townshipId().value());
		}
		return new Codes(townships, villages, villageTownships);
	}

	static @Nullable String gender(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "男", "m", "male" -> "M";
			case "女", "f", "female" -> "F";
			default -> null;
		};
	}

	static @Nullable Boolean yesNo(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "是", "已退休", "退休", "yes", "y", "true", "1" -> true;
			case "否", "未退休", "在职", "no", "n", "false", "0" -> false;
			default -> null;
		};
	}

	static @Nullable Integer parseYear(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String digits = text.strip().replace("年", "");
		if (!digits.matches("\\d{4}")) {
			return null;
		}
		return Integer.valueOf(digits);
	}

}
