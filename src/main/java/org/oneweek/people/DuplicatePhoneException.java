package org.oneweek.people;

/**
 * Another member already has this phone number; a phone number identifies a member in
 * imports.
 */
public class DuplicatePhoneException extends RuntimeException {

	public DuplicatePhoneException(String phone) {
		super("duplicate phone");
	}

}
