package org.oneweek.places;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.CommandChecks;

/**
 * The forms of codes, shared by the commands, the pages and the import, and the checks of
 * the commands. Phone numbers are {@code platform.PhoneNumbers}'.
 */
public final class PlaceRules {

	/** A place's code, part of printed addresses: 2 to 32 letters, digits, - or _. */
	public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$";

	/** A district's prefix of case numbers: 2 to 6 capital letters. */
	public static final String CASE_PREFIX_PATTERN = "^[A-Z]{2,6}$";

	static final CommandChecks CHECK = new CommandChecks(PlaceRuleException::new);

	private PlaceRules() {
	}

	static void code(@Nullable String code) {
		CHECK.matching(CHECK.filled(code), CODE_PATTERN, "places.code.pattern");
	}

}
