package org.oneweek.diary;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change the diary's rules refuse (a closed diary, a day not yet come, a case of
 * another village). Nothing was changed. The message is a key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class DiaryRuleException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public DiaryRuleException(String messageKey, Object... arguments) {
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
