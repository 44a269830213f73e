package org.oneweek.people;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;

import static org.oneweek.people.PeopleRules.CHECK;

/**
 * Adds a member, or changes one's facts. A member is known by their phone number. Refused
 * ({@link PeopleRuleException}) when a value is missing, too long, out of range or of the
 * wrong form.
 */
public record SaveMember(String name, Member.Gender gender, int birthYear, boolean retired, String phone,
		@Nullable TownshipId homeTownshipId, @Nullable VillageId homeVillageId, @Nullable String skills,
		@Nullable String notes, boolean active) {

	public SaveMember {
		CHECK.text(name, 40);
		CHECK.present(gender);
		CHECK.between(birthYear, 1900, 2010, "people.birthYear.range", "people.birthYear.range");
		phone = CHECK.phone(CHECK.filled(phone));
		CHECK.atMost(skills, 500);
		CHECK.atMost(notes, 2000);
	}

	/** Without the phone number, which must never reach a log line. */
	@Override
	public String toString() {
		return "SaveMember[name=" + name + "]";
	}

}
