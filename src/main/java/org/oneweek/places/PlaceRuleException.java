package org.oneweek.places;

import org.oneweek.platform.KeyedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change of places that the rules refuse (a missing name, a code of the wrong form).
 * Nothing was changed. The message is a key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class PlaceRuleException extends KeyedException {

	public PlaceRuleException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
