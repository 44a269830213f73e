package org.oneweek.diary;

import org.oneweek.platform.KeyedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change the diary's rules refuse (a closed diary, a day not yet come, a case of
 * another village). Nothing was changed. The message is a key of the message bundle.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class DiaryRuleException extends KeyedException {

	public DiaryRuleException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
