package org.oneweek.places;

import org.oneweek.platform.Identifier;

/**
 * No place with this id.
 */
public class PlaceNotFoundException extends RuntimeException {

	public PlaceNotFoundException(Identifier id) {
		super("no place " + id);
	}

}
