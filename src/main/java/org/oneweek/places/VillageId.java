package org.oneweek.places;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A village (村) or community (社区), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record VillageId(long value) implements Identifier {

	public VillageId {
		Ids.positive(value, "village");
	}

	public static VillageId of(long value) {
		return new VillageId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
