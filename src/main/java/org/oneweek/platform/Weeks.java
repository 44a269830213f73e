package org.oneweek.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * ISO weeks, Monday to Sunday, the unit of a term.
 */
public final class Weeks {

	private Weeks() {
	}

	public static LocalDate mondayOf(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The ISO week label, e.g. {@code 2026-W10}. */
	public static String label(LocalDate date) {
		return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
				date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
