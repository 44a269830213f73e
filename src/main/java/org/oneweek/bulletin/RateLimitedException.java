package org.oneweek.bulletin;

/**
 * Too many follow-ups from one address or on one case: nothing was recorded.
 */
public class RateLimitedException extends RuntimeException {

	private final int retryAfterMinutes;

	public RateLimitedException(String what, int retryAfterMinutes) {
		super("too many follow-ups " + what);
		this.retryAfterMinutes = retryAfterMinutes;
	}

	public int retryAfterMinutes() {
		return retryAfterMinutes;
	}

}
