package org.oneweek.platform;

import org.jspecify.annotations.Nullable;

/**
 * Text as people type it into forms.
 */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding blanks, or null when nothing was typed. */
	public static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
