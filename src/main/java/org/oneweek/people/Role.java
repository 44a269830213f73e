package org.oneweek.people;

/**
 * What an account may do (shared/DESIGN.md, "Users and what they do").
 */
public enum Role {

	/** The district organization department (组织部). */
	ORG_ADMIN,
	/** A One Week Secretary (一周书记). */
	SECRETARY,
	/** The floating troubleshooter (机动书记) of an area for a week. */
	TROUBLESHOOTER,
	/** A village committee (村委会) member. */
	COMMITTEE,
	/** A responsible unit (街道/部门) to which cases are referred. */
	UNIT,
	/**
	 * A monitoring system (Prometheus): reads the application's metrics and version,
	 * nothing else.
	 */
	MONITORING;

	public String authority() {
		return "ROLE_" + name();
	}

}
