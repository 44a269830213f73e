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

}
