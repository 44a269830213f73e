package org.oneweek.casework;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A hand-over of a village's open cases from one term to the next, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record HandoverId(long value) implements Identifier {

	public HandoverId {
		Ids.positive(value, "handover");
	}

	public static HandoverId of(long value) {
		return new HandoverId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
