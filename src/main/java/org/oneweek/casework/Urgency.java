package org.oneweek.casework;

/**
 * How soon a case must be handled; urgent and emergency cases go to the troubleshooter on
 * duty at once.
 */
public enum Urgency {

	NORMAL, URGENT, EMERGENCY;

	public boolean goesToTroubleshooter() {
		return this != NORMAL;
	}

}
