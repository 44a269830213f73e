package org.oneweek.people;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A member (党员), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record MemberId(long value) implements Identifier {

	public MemberId {
		Ids.positive(value, "member");
	}

	public static MemberId of(long value) {
		return new MemberId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
