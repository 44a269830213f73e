package org.oneweek.people;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user account as the organization department sees it (never with its password).
 */
public record Account(long id, String username, String displayName, Set<Role> roles, @Nullable Long memberId,
		@Nullable Long villageId, @Nullable Long unitId, boolean enabled) {

}
