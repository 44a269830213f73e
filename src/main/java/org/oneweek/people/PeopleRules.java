package org.oneweek.people;

import org.oneweek.platform.CommandChecks;

/**
 * The form of user names, shared by the commands, the pages and the import, and the
 * checks of the commands. Phone numbers are {@code platform.PhoneNumbers}'.
 */
public final class PeopleRules {

	public static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]{3,40}$";

	static final CommandChecks CHECK = new CommandChecks(PeopleRuleException::new);

	private PeopleRules() {
	}

}
