package org.oneweek.people;

/**
 * Another account already has this user name (ignoring case).
 */
public class DuplicateUsernameException extends RuntimeException {

	public DuplicateUsernameException(String username) {
		super("duplicate user name");
	}

}
