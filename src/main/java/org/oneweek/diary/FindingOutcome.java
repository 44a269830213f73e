package org.oneweek.diary;

/** What becomes of a finding of an inspection. */
public enum FindingOutcome {

	/** Only noted for now. */
	NOTE,
	/** Recorded as a new case (source: inspection). */
	NEW_CASE,
	/** Linked to a case already in the ledger. */
	LINK

}
