package org.oneweek.insights;

import org.oneweek.platform.KeyedException;

/**
 * A request that cannot be answered as asked (a period ending before it starts, a
 * callback on a case not awaiting one); its message is a message key, answered as 400.
 */
public class InsightsException extends KeyedException {

	public InsightsException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
