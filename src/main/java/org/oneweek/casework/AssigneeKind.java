package org.oneweek.casework;

/**
 * Who is responsible for a case.
 */
public enum AssigneeKind {

	/** A secretary of the village's term. */
	SECRETARY,
	/** The troubleshooter on duty in the village's township. */
	TROUBLESHOOTER,
	/** The village committee. */
	COMMITTEE,
	/** A villager group or volunteer team (村民小组/志愿队). */
	GROUP,
	/** A responsible unit (街道/部门). */
	UNIT

}
