package org.oneweek.people;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A user account, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record AccountId(long value) implements Identifier {

	public AccountId {
		Ids.positive(value, "account");
	}

	public static AccountId of(long value) {
		return new AccountId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
