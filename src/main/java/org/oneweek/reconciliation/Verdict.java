package org.oneweek.reconciliation;

/** What a person decided about a pair. */
public enum Verdict {

	/** The same problem. */
	CONFIRMED,
	/** Not the same problem: never proposed again. */
	REJECTED

}
