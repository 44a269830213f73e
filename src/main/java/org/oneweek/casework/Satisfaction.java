package org.oneweek.casework;

/**
 * What the villager said at the callback (回访).
 */
public enum Satisfaction {

	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED

}
