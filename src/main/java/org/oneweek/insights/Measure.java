package org.oneweek.insights;

/**
 * What a figure counts: each is a set of cases, so that a number and its drill-down are
 * the same question. Cases are those in the filter's scope that were received in the
 * period (a case spanning months counts in the month it was received), merged duplicates
 * left out. A reopened case is judged on its current round: reopening clears its result,
 * callback and first contact and gives it new deadlines.
 */
public enum Measure {

	/** Every case in scope. */
	CASES,
	/**
	 * Cases whose first contact can be judged: not declined, and contacted, or past the
	 * first-contact deadline.
	 */
	CONTACT_DUE,
	/** Of those, contacted by the first-contact deadline. */
	CONTACT_ON_TIME,
	/** Contacted at all (for the time to first contact). */
	CONTACTED,
	/**
	 * Cases whose resolution can be judged: not declined, and resolved (or closed), or
	 * past the resolution deadline.
	 */
	RESOLUTION_DUE,
	/** Of those, resolved by the resolution deadline. */
	RESOLVED_ON_TIME,
	/** Resolved or closed (for the time to resolution). */
	RESOLVED,
	/** Resolved cases still awaiting the villager's answer at the callback. */
	AWAITING_CALLBACK,
	/** Callbacks made: closed with the villager's answer. */
	CALLBACKS, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED,
	/**
	 * Still being worked on and past a deadline (resolution, or first contact without
	 * contact), now.
	 */
	OVERDUE,
	/**
	 * Overdue, by how long: since the earliest deadline passed (first contact while not
	 * contacted, else resolution) less than a day, one to seven days, seven to thirty,
	 * more.
	 */
	OVERDUE_UNDER_DAY, OVERDUE_UNDER_WEEK, OVERDUE_UNDER_MONTH, OVERDUE_LONGER,
	/** Reopened at least once. */
	REOPENED,
	/** Escalated at least once (to the troubleshooter or the department). */
	ESCALATED,
	/** With funding requested. */
	FUNDING_REQUESTED,
	/** With funding approved. */
	FUNDING_APPROVED,
	/** Declined (referred elsewhere, not a matter for the program). */
	DECLINED

}
