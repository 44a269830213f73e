package org.oneweek.bulletin.internal;

import org.springframework.http.HttpStatus;

/**
 * A request Open311 answers with an error: its status and what was wrong, in words the
 * other system's developers read.
 */
public final class Open311Exception extends RuntimeException {

	private final HttpStatus status;

	public Open311Exception(HttpStatus status, String description) {
		super(description);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
