package org.oneweek.casework;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No case with this reference number or id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {

	public CaseNotFoundException(String reference) {
		super("no case " + reference);
	}

}
