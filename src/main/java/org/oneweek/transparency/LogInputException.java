package org.oneweek.transparency;

import org.oneweek.platform.KeyedException;

/**
 * A question the log cannot answer as asked (an index beyond the tree, sizes in the wrong
 * order, a tile that does not exist): the asker's mistake, answered with a 4xx and the
 * message key's text.
 */
public class LogInputException extends KeyedException {

	private final int status;

	public LogInputException(int status, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.status = status;
	}

	/** The HTTP status to answer with (400, or 404 for what does not exist yet). */
	public int status() {
		return status;
	}

}
