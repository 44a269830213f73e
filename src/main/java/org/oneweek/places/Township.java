package org.oneweek.places;

import org.jspecify.annotations.Nullable;

/**
 * A township (镇) or street (街道): the area of one floating troubleshooter.
 */
public record Township(TownshipId id, DistrictId districtId, String code, String name, Kind kind,
		@Nullable Integer population) {

	public enum Kind {

		STREET, TOWN

	}

}
