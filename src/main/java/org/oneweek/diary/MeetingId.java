package org.oneweek.diary;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A morning meeting (晨会) of a term, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record MeetingId(long value) implements Identifier {

	public MeetingId {
		Ids.positive(value, "meeting");
	}

	public static MeetingId of(long value) {
		return new MeetingId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
