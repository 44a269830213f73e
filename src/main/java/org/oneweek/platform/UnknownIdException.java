package org.oneweek.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An id that cannot be anybody's (zero or negative, as a tampered address or form may
 * carry): like an id nobody has, it is not found.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownIdException extends IllegalArgumentException {

	public UnknownIdException(String what, long value) {
		super("no " + what + " " + value);
	}

}
