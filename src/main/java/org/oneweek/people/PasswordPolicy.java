package org.oneweek.people;

import org.jspecify.annotations.Nullable;

/**
 * What a password must be: at least 8 and at most 128 characters (a pass phrase in
 * Chinese is welcome), and not the user name.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** The message key of what is wrong, or null when the password is acceptable. */
	public static @Nullable String problem(@Nullable String password, @Nullable String username) {
		if (password == null || password.isEmpty()) {
			return "password.required";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (length > MAX_LENGTH) {
			return "password.tooLong";
		}
		if (password.isBlank()) {
			return "password.blank";
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			return "password.sameAsUsername";
		}
		return null;
	}

}
