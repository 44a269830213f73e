package org.oneweek.insights;

/**
 * How figures are grouped: by a place, a category, a type, the unit or member
 * responsible, the team (term) that received the case, or the period it was received in
 * (weeks from Monday, in the district's time zone).
 */
public enum Breakdown {

	VILLAGE, TOWNSHIP, CATEGORY, TYPE, UNIT, MEMBER, TEAM, WEEK, MONTH, QUARTER, YEAR;

	public boolean isPeriod() {
		return this == WEEK || this == MONTH || this == QUARTER || this == YEAR;
	}

}
