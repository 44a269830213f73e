package org.oneweek.places;

/**
 * No place with this id.
 */
public class PlaceNotFoundException extends RuntimeException {

	public PlaceNotFoundException(long id) {
		super("no place " + id);
	}

}
