package org.oneweek.platform.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Dates as people type them in spreadsheets: 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日
 * (Excel date cells arrive as ISO dates already).
 */
public final class ImportDates {

	private static final Pattern DATE = Pattern
		.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");

	private ImportDates() {
	}

	/**
	 * @return the date, or null when the text is not one
	 */
	public static @Nullable LocalDate parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = DATE.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
