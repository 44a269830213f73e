package org.oneweek.people;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;

/**
 * A user account as the organization department sees it (never with its password).
 */
public record Account(AccountId id, String username, String displayName, Set<Role> roles, @Nullable MemberId memberId,
		@Nullable VillageId villageId, @Nullable UnitId unitId, boolean enabled) {

}
