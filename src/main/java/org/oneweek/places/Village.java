package org.oneweek.places;

import org.jspecify.annotations.Nullable;

/**
 * A village (村) or community (社区) where teams serve. Its code is part of the public
 * bulletin board's address, so it never changes.
 */
public record Village(VillageId id, TownshipId townshipId, String code, String name, Kind kind,
		@Nullable Integer population, @Nullable Integer households, @Nullable String committeeContact,
		@Nullable String committeePhone, @Nullable String address, @Nullable String notes, boolean active) {

	public enum Kind {

		VILLAGE, COMMUNITY

	}

}
