package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterConflictException;

/**
 * The weeks being planned, Monday of the first to Monday of the last, inclusive.
 */
public record PlanRange(LocalDate from, LocalDate to) {

	/** A year and a day: more is not a roster anybody plans at once. */
	public static final int MAX_WEEKS = 53;

	public PlanRange {
		if (!from.equals(Weeks.mondayOf(from)) || !to.equals(Weeks.mondayOf(to))) {
			throw new IllegalArgumentException("a range runs from Monday to Monday");
		}
		if (to.isBefore(from)) {
			throw new RosterConflictException("roster.range.order");
		}
		if (ChronoUnit.WEEKS.between(from, to) >= MAX_WEEKS) {
			throw new RosterConflictException("roster.range.tooLong");
		}
	}

	/** The weeks of the two dates, whatever days they are. */
	public static PlanRange of(LocalDate first, LocalDate last) {
		return new PlanRange(Weeks.mondayOf(first), Weeks.mondayOf(last));
	}

	public int weekCount() {
		return (int) ChronoUnit.WEEKS.between(from, to) + 1;
	}

	public List<LocalDate> weeks() {
		List<LocalDate> weeks = new ArrayList<>();
		for (LocalDate monday = from; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
			weeks.add(monday);
		}
		return weeks;
	}

	public boolean contains(LocalDate monday) {
		return !monday.isBefore(from) && !monday.isAfter(to);
	}

	public boolean overlaps(PlanRange other) {
		return !other.to.isBefore(from) && !other.from.isAfter(to);
	}

	public LocalDate lastDay() {
		return to.plusDays(6);
	}

}
