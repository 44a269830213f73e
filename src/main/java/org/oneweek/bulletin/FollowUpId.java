package org.oneweek.bulletin;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A villager's follow-up on a case, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record FollowUpId(long value) implements Identifier {

	public FollowUpId {
		Ids.positive(value, "follow-up");
	}

	public static FollowUpId of(long value) {
		return new FollowUpId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
