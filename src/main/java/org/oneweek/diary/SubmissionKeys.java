package org.oneweek.diary;

import org.jspecify.annotations.Nullable;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * The key a form carries so that sending it twice records it once: made when the form was
 * shown, or on the phone for an entry kept without signal.
 */
final class SubmissionKeys {

	static final int MAX_LENGTH = 100;

	private SubmissionKeys() {
	}

	/**
	 * @return the key, or {@code null} for none
	 * @throws DiaryRuleException when it is longer than any key a form makes
	 */
	static @Nullable String of(@Nullable String key) {
		String k = blankToNull(key);
		if (k != null && k.length() > MAX_LENGTH) {
			throw new DiaryRuleException("diary.form.keyInvalid");
		}
		return k;
	}

}
