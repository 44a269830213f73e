package org.oneweek.platform.imports;

import org.oneweek.platform.KeyedException;

/**
 * The file as a whole cannot be imported (unreadable, wrong columns, too large); the
 * message is a key of the message bundle.
 */
public class ImportFileException extends KeyedException {

	public ImportFileException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
