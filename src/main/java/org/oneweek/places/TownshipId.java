package org.oneweek.places;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A township or street (镇/街道), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record TownshipId(long value) implements Identifier {

	public TownshipId {
		Ids.positive(value, "township");
	}

	public static TownshipId of(long value) {
		return new TownshipId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
