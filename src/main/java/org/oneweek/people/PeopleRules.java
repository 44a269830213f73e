package org.oneweek.people;

import org.oneweek.places.PlaceRules;
import org.oneweek.platform.CommandChecks;

/**
 * The forms of phone numbers and user names, shared by the commands, the pages and the
 * import, and the checks of the commands.
 */
public final class PeopleRules {

	/** The same phone numbers as a village committee's. */
	public static final String PHONE_PATTERN = PlaceRules.PHONE_PATTERN;

	/** A phone number that may be left empty. */
	public static final String OPTIONAL_PHONE_PATTERN = PlaceRules.OPTIONAL_PHONE_PATTERN;

	public static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]{3,40}$";

	static final CommandChecks CHECK = new CommandChecks(PeopleRuleException::new);

	private PeopleRules() {
	}

}
