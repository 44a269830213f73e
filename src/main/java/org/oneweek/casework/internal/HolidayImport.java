package org.oneweek.casework.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Deadlines;
import org.oneweek.casework.Deadlines.CalendarDay;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportDates;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.TabularFiles;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year's holidays and worked weekend days from a file, all or nothing: the JSON of the
 * widely used open holiday-cn dataset ({@code {"year":2027,"papers":[…],"days":[{"name":
 * "元旦","date":"2027-01-01","isOffDay":true}…]}}), or a CSV/.xlsx with 日期/date, 类型/type
 * (放假/休 or 上班/班; holiday or working) and 名称/name.
 */
@Service
public class HolidayImport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Column> COLUMNS = List.of(Column.required("date", "日期", "date"),
			Column.required("type", "类型", "type", "放假/上班"), Column.optional("name", "名称", "节日", "name"));

	private final Deadlines deadlines;

	HolidayImport(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	/**
	 * Imports the file's days and answers how many.
	 * @throws CaseRuleException naming the first line that cannot be read (nothing was
	 * imported then)
	 */
	public int apply(String fileName, byte[] content, String actor) {
		String name = fileName.toLowerCase(Locale.ROOT);
		String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		List<CalendarDay> days;
		String source;
		if (name.endsWith(".json") || text.startsWith("{")) {
			days = new ArrayList<>();
			source = holidayCn(text, days);
		}
		else {
			days = table(fileName, content);
			source = "import: " + ((fileName.length() > 80) ? fileName.substring(0, 80) : fileName);
		}
		if (days.isEmpty()) {
			throw new CaseRuleException("case.calendar.import.empty");
		}
		deadlines.importDays(days, source, actor);
		return days.size();
	}

	private static String holidayCn(String text, List<CalendarDay> days) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new CaseRuleException("case.calendar.import.notJson");
		}
		JsonNode list = root.path("days");
		if (!list.isArray()) {
			throw new CaseRuleException("case.calendar.import.notJson");
		}
		int n = 0;
		for (JsonNode d : list) {
			n++;
			try {
				LocalDate day = LocalDate.parse(d.path("date").asString(""));
				if (!d.path("isOffDay").isBoolean()) {
					throw new CaseRuleException("case.calendar.import.line", n);
				}
				days.add(new CalendarDay(day, !d.path("isOffDay").asBoolean(), limit(d.path("name").asString(null))));
			}
			catch (DateTimeException ex) {
				throw new CaseRuleException("case.calendar.import.line", n);
			}
		}
		StringBuilder source = new StringBuilder("holiday-cn");
		if (root.path("year").isInt()) {
			source.append(' ').append(root.path("year").asInt());
		}
		root.path("papers").forEach((p) -> source.append(' ').append(p.asString("")));
		return (source.length() > 300) ? source.substring(0, 300) : source.toString();
	}

	private static List<CalendarDay> table(String fileName, byte[] content) {
		List<CalendarDay> days = new ArrayList<>();
		List<Row> rows;
		try {
			rows = TabularFiles.read(fileName, content, COLUMNS);
		}
		catch (RuntimeException ex) {
			throw new CaseRuleException("case.calendar.import.unreadable");
		}
		for (Row row : rows) {
			LocalDate day;
			try {
				day = ImportDates.parse(row.get("date"));
			}
			catch (RuntimeException ex) {
				throw new CaseRuleException("case.calendar.import.line", row.line());
			}
			String type = String.valueOf(row.get("type")).strip().toLowerCase(Locale.ROOT);
			Boolean working = switch (type) {
				case "上班", "班", "working", "work", "workday" -> true;
				case "放假", "休", "休息", "holiday", "off" -> false;
				default -> null;
			};
			if (day == null || working == null) {
				throw new CaseRuleException("case.calendar.import.line", row.line());
			}
			days.add(new CalendarDay(day, working, limit(row.get("name"))));
		}
		return days;
	}

	private static @Nullable String limit(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String n = name.strip();
		return (n.length() > 60) ? n.substring(0, 60) : n;
	}

}
