package org.oneweek.platform.imports;

import java.util.List;

/**
 * The file as a whole cannot be imported (unreadable, wrong columns, too large); the
 * message is a key of the message bundle.
 */
public class ImportFileException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public ImportFileException(String messageKey, Object... arguments) {
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
