package org.oneweek.people;

import org.oneweek.platform.KeyedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change of members, units or accounts that the rules refuse (a missing name, a phone
 * number of the wrong form, dates in the wrong order). Nothing was changed. The message
 * is a key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class PeopleRuleException extends KeyedException {

	public PeopleRuleException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
