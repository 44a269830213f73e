package org.oneweek.insights;

/**
 * How figures are grouped: by a place, a category, a type, the unit referred to, the
 * member who recorded (heard) the case, the team (term) that received it, or the period
 * it was received in (weeks from Monday, in the district's time zone).
 */
public enum Breakdown {

	VILLAGE, TOWNSHIP, CATEGORY, TYPE, UNIT, MEMBER, TEAM, WEEK, MONTH, QUARTER, YEAR;

	public boolean isPeriod() {
		return this == WEEK || this == MONTH || this == QUARTER || this == YEAR;
	}

	/**
	 * The key of a day's period, as the figures' queries give it: the Monday of its week
	 * ({@code 2026-11-30}), {@code 2026-11}, {@code 2026-Q4}, {@code 2026}.
	 * @throws IllegalStateException for a breakdown that is not by period
	 */
	public String periodKey(java.time.LocalDate day) {
		return switch (this) {
			case WEEK -> day.with(java.time.DayOfWeek.MONDAY).toString();
			case MONTH -> day.toString().substring(0, 7);
			case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
			case YEAR -> String.valueOf(day.getYear());
			default -> throw new IllegalStateException(name() + " is not a period");
		};
	}

}
