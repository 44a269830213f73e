package org.oneweek.people;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.PlaceRules;

import static org.oneweek.people.PeopleRules.CHECK;

/**
 * Creates a responsible unit. Its code has the form of a place's. Refused
 * ({@link PeopleRuleException}) when a value is missing, too long or of the wrong form.
 */
public record CreateUnit(String code, String name, @Nullable String contact, @Nullable String phone) {

	public CreateUnit {
		CHECK.matching(CHECK.filled(code), PlaceRules.CODE_PATTERN, "places.code.pattern");
		CHECK.text(name, 60);
		CHECK.atMost(contact, 40);
		phone = CHECK.phone(phone);
	}

}
