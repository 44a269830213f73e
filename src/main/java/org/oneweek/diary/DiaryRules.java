package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a diary may be written: from its day until the end of the next day, in the
 * district's zone. A diary of Monday closes at midnight between Tuesday and Wednesday.
 */
public final class DiaryRules {

	private DiaryRules() {
	}

	public static Instant closesAt(LocalDate day, ZoneId zone) {
		return day.plusDays(2).atStartOfDay(zone).toInstant();
	}

	public static Instant startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

	public static boolean isOpen(LocalDate day, Instant now, ZoneId zone) {
		return !day.isAfter(LocalDate.ofInstant(now, zone)) && now.isBefore(closesAt(day, zone));
	}

	public static DayStatus status(LocalDate day, boolean written, Instant now, ZoneId zone) {
		if (day.isAfter(LocalDate.ofInstant(now, zone))) {
			return DayStatus.FUTURE;
		}
		if (now.isBefore(closesAt(day, zone))) {
			return written ? DayStatus.OPEN_WRITTEN : DayStatus.OPEN_EMPTY;
		}
		return written ? DayStatus.WRITTEN : DayStatus.MISSING;
	}

}
