package org.oneweek.roster.planning;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.oneweek.platform.Weeks;

/**
 * Weeks as consecutive numbers (0 is the week of Monday 1969-12-29), so the planner can
 * compare and subtract them cheaply; and calendar quarters as numbers too.
 */
public final class WeekIndex {

	private WeekIndex() {
	}

	public static int of(LocalDate date) {
		return (int) Math.floorDiv(Weeks.mondayOf(date).toEpochDay() + 3, 7);
	}

	public static LocalDate monday(int week) {
		return LocalDate.ofEpochDay(week * 7L - 3);
	}

	/**
	 * The calendar quarter of the week's Monday, e.g. 2026 Q2 is {@code 2026 * 4 + 1}.
	 */
	public static int quarter(int week) {
		LocalDate monday = monday(week);
		return monday.getYear() * 4 + monday.get(IsoFields.QUARTER_OF_YEAR) - 1;
	}

	public static String quarterLabel(int quarter) {
		return (quarter / 4) + "-Q" + (quarter % 4 + 1);
	}

}
