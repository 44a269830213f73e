package org.oneweek.people;

/**
 * A password was refused; the message is a key of the message bundle.
 */
public class InvalidPasswordException extends RuntimeException {

	public InvalidPasswordException(String messageKey) {
		super(messageKey);
	}

}
