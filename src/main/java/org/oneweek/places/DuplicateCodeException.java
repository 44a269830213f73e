package org.oneweek.places;

/**
 * Another place already has this code; codes are unique across all places of all levels.
 */
public class DuplicateCodeException extends RuntimeException {

	public DuplicateCodeException(String code) {
		super("duplicate code " + code);
	}

}
