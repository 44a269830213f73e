package org.oneweek.places;

import org.jspecify.annotations.Nullable;

import static org.oneweek.places.PlaceRules.CHECK;

/**
 * Creates a township or street in a district. Refused ({@link PlaceRuleException}) when a
 * value is missing, too long, too large or of the wrong form.
 */
public record CreateTownship(DistrictId districtId, String code, String name, Township.Kind kind,
		@Nullable Integer population) {

	public CreateTownship {
		CHECK.present(districtId);
		PlaceRules.code(code);
		CHECK.text(name, 60);
		CHECK.present(kind);
		CHECK.count(population, 10_000_000);
	}

}
