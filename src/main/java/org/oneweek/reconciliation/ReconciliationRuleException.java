package org.oneweek.reconciliation;

import org.oneweek.platform.KeyedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A reconciliation request that cannot be done (an unknown item, a pair of one list, an
 * item of another village or week). Nothing was changed. The message is a key of the
 * message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class ReconciliationRuleException extends KeyedException {

	public ReconciliationRuleException(String key, Object... args) {
		super(key, args);
	}

}
