package org.oneweek.insights;

/**
 * A request for figures that cannot be answered as asked (a period ending before it
 * starts, an unknown grouping); its message is a message key, answered as 400.
 */
public class InsightsException extends RuntimeException {

	private final Object[] arguments;

	public InsightsException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
