package org.oneweek.roster;

/**
 * A term or duty breaks a rule of the roster (the message is a key of the message
 * bundle).
 */
public class RosterConflictException extends RuntimeException {

	public RosterConflictException(String messageKey) {
		super(messageKey);
	}

}
