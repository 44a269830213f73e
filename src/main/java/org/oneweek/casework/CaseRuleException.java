package org.oneweek.casework;

import org.oneweek.platform.KeyedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change that the rules of the ledger refuse (an illegal transition, a missing reason,
 * a responsible person who cannot take the case). Nothing was changed. The message is a
 * key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class CaseRuleException extends KeyedException {

	public CaseRuleException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
