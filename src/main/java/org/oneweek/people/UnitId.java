package org.oneweek.people;

/**
 * A responsible unit (街道/部门), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record UnitId(long value) {

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
