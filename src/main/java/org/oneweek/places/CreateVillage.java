package org.oneweek.places;

import org.jspecify.annotations.Nullable;

import static org.oneweek.places.PlaceRules.CHECK;

/**
 * Creates a village or community in a township. Refused ({@link PlaceRuleException}) when
 * a value is missing, too long, too large or of the wrong form.
 */
public record CreateVillage(TownshipId townshipId, String code, String name, Village.Kind kind,
		@Nullable Integer population, @Nullable Integer households, @Nullable String committeeContact,
		@Nullable String committeePhone, @Nullable String address, @Nullable String notes, boolean active) {

	public CreateVillage {
		CHECK.present(townshipId);
		PlaceRules.code(code);
		CHECK.text(name, 60);
		CHECK.present(kind);
		CHECK.count(population, 1_000_000);
		CHECK.count(households, 1_000_000);
		CHECK.atMost(committeeContact, 60);
		committeePhone = CHECK.phone(committeePhone);
		CHECK.atMost(address, 200);
		CHECK.atMost(notes, 2000);
	}

}
