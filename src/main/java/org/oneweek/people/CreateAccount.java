package org.oneweek.people;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;

import static org.oneweek.people.PeopleRules.CHECK;

/**
 * Creates an account. The password is checked against the policy when the account is
 * created ({@link InvalidPasswordException}); the rest is refused here
 * ({@link PeopleRuleException}) when missing, too long or of the wrong form.
 *
 * @param memberId the member a secretary or troubleshooter is
 * @param villageId the village a committee account speaks for
 * @param unitId the unit a unit account speaks for
 */
public record CreateAccount(String username, String displayName, Set<Role> roles, @Nullable MemberId memberId,
		@Nullable VillageId villageId, @Nullable UnitId unitId, @Nullable String password) {

	public CreateAccount {
		CHECK.matching(CHECK.filled(username), PeopleRules.USERNAME_PATTERN, "people.username.pattern");
		CHECK.text(displayName, 40);
		if (roles == null || roles.isEmpty()) {
			throw new PeopleRuleException("people.roles.required");
		}
		roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
	}

	/** Without the password, which must never reach a log line. */
	@Override
	public String toString() {
		return "CreateAccount[username=" + username + ", roles=" + roles + "]";
	}

}
