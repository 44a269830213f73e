package org.oneweek.people;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;

/**
 * A party member (党员) who can serve as a secretary or troubleshooter.
 */
public record Member(MemberId id, String name, Gender gender, int birthYear, boolean retired, String phone,
		@Nullable TownshipId homeTownshipId, @Nullable VillageId homeVillageId, @Nullable String skills,
		@Nullable String notes, boolean active) {

	public enum Gender {

		M, F

	}

	public int ageIn(int year) {
		return year - birthYear;
	}

}
