package org.oneweek.people;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A responsible unit (街道/部门), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record UnitId(long value) implements Identifier {

	public UnitId {
		Ids.positive(value, "unit");
	}

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
