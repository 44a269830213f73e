package org.oneweek.casework;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/**
 * A change that the rules of the ledger refuse (an illegal transition, a missing reason,
 * a responsible person who cannot take the case). Nothing was changed. The message is a
 * key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class CaseRuleException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public CaseRuleException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
