package org.oneweek.diary;

/**
 * Where a secretary's diary of one day stands.
 */
public enum DayStatus {

	/** The day has not come yet. */
	FUTURE,
	/** Open, nothing written yet. */
	OPEN_EMPTY,
	/** Open, something written (it can still be changed). */
	OPEN_WRITTEN,
	/** Closed with what was written. */
	WRITTEN,
	/** Closed without anything written. */
	MISSING,
	/** Closed without anything written, on a day when no diary is required. */
	NOT_REQUIRED;

	public boolean isOpen() {
		return this == OPEN_EMPTY || this == OPEN_WRITTEN;
	}

	public boolean isClosed() {
		return this == WRITTEN || this == MISSING || this == NOT_REQUIRED;
	}

}
