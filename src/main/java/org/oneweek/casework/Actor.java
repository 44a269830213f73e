package org.oneweek.casework;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountId;
import org.oneweek.people.AccountPrincipal;

/**
 * Who made a change to a case, as its timeline shows it: a person's account and name, the
 * system (deadlines, hand-over at the end of a term) or a villager through the public
 * pages, who has no account.
 *
 * @param accountId the account, or null for the system and the public
 */
public record Actor(@Nullable AccountId accountId, String name) {

	/** The name entries carry when the system itself acted (deadlines, hand-over). */
	public static final String SYSTEM_NAME = "system";

	/** The name entries carry when a villager acted through the public pages. */
	public static final String PUBLIC_NAME = "public";

	public static final Actor SYSTEM = new Actor(null, SYSTEM_NAME);

	public static final Actor PUBLIC = new Actor(null, PUBLIC_NAME);

	public static Actor of(AccountPrincipal person) {
		return new Actor(person.accountId(), person.displayName());
	}

}
