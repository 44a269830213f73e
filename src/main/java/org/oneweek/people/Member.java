package org.oneweek.people;

import org.jspecify.annotations.Nullable;

/**
 * A party member (党员) who can serve as a secretary or troubleshooter.
 */
public record Member(long id, String name, Gender gender, int birthYear, boolean retired, String phone,
		@Nullable Long homeTownshipId, @Nullable Long homeVillageId, @Nullable String skills, @Nullable String notes,
		boolean active) {

	public enum Gender {

		M, F

	}

	public int ageIn(int year) {
		return year - birthYear;
	}

}
