package org.oneweek.diary;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such diary day, meeting, inspection, finding or term.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DiaryNotFoundException extends RuntimeException {

	public DiaryNotFoundException(String what) {
		super("not found: " + what);
	}

}
