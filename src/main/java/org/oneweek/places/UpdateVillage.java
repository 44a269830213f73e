package org.oneweek.places;

import org.jspecify.annotations.Nullable;

import static org.oneweek.places.PlaceRules.CHECK;

/**
 * Changes a village's facts. Not its code: that is printed on posters as part of the
 * board's address. Refused ({@link PlaceRuleException}) when a value is missing, too
 * long, too large or of the wrong form.
 */
public record UpdateVillage(TownshipId townshipId, String name, Village.Kind kind, @Nullable Integer population,
		@Nullable Integer households, @Nullable String committeeContact, @Nullable String committeePhone,
		@Nullable String address, @Nullable String notes, boolean active) {

	public UpdateVillage {
		CHECK.present(townshipId);
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
