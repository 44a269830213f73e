package org.oneweek.places;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A district (区), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record DistrictId(long value) implements Identifier {

	public DistrictId {
		Ids.positive(value, "district");
	}

	public static DistrictId of(long value) {
		return new DistrictId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
