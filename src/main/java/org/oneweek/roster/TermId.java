package org.oneweek.roster;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A term (one village, one week, one team), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record TermId(long value) implements Identifier {

	public TermId {
		Ids.positive(value, "term");
	}

	public static TermId of(long value) {
		return new TermId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
