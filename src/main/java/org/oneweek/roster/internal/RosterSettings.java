package org.oneweek.roster.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the organization department plans: the days of a term's week that are working days
 * (a member away on one of them cannot serve that week), at most how many duty weeks a
 * member takes per quarter, how many weeks apart a member's duties should ideally be, and
 * how long the planner searches.
 */
public record RosterSettings(Set<DayOfWeek> workingDays, int maxTermsPerQuarter, int spreadWeeks,
		int timeLimitSeconds) {

	public static final int MIN_TIME_LIMIT = 5;

	public static final int MAX_TIME_LIMIT = 600;

	public RosterSettings {
		if (workingDays.isEmpty()) {
			throw new IllegalArgumentException("at least one working day");
		}
		workingDays = Set.copyOf(workingDays);
	}

	/** Whether a member away from {@code from} to {@code to} misses a working day. */
	public boolean overlapsWorkingDays(LocalDate monday, LocalDate from, LocalDate to) {
		for (int d = 0; d < 7; d++) {
			LocalDate day = monday.plusDays(d);
			if (workingDays.contains(day.getDayOfWeek()) && !day.isBefore(from) && !day.isAfter(to)) {
				return true;
			}
		}
		return false;
	}

	String workingDaysText() {
		return workingDays.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
	}

	static Set<DayOfWeek> parseDays(String text) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		Arrays.stream(text.split(","))
			.map(String::strip)
			.filter((d) -> !d.isEmpty())
			.map(DayOfWeek::valueOf)
			.forEach(days::add);
		return days;
	}

}
