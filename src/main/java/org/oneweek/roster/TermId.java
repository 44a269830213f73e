package org.oneweek.roster;

/**
 * A term (one village, one week, one team), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record TermId(long value) {

	public static TermId of(long value) {
		return new TermId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
