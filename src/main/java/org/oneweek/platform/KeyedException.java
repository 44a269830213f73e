package org.oneweek.platform;

import java.util.List;

/**
 * Something refused, explained to the person in their language: the message is a key of
 * the message bundle, with the arguments it takes. Modules extend it for their own
 * refusals (a rule of the ledger or the diary, a file that cannot be imported).
 */
public class KeyedException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public KeyedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
