package org.oneweek.places;

/**
 * A township or street (镇/街道), by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record TownshipId(long value) {

	public static TownshipId of(long value) {
		return new TownshipId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
