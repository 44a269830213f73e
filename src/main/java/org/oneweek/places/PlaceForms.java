package org.oneweek.places;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to create or change a place.
 */
public final class PlaceForms {

	public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$";

	public static final String PHONE_PATTERN = "^[0-9+\\-() ]{5,20}$";

	private PlaceForms() {
	}

	public record DistrictForm(
			@NotBlank(message = "{validation.required}") @Pattern(regexp = CODE_PATTERN,
					message = "{places.code.pattern}") @Nullable String code,
			@NotBlank(message = "{validation.required}") @Size(max = 60,
					message = "{validation.tooLong}") @Nullable String name,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = "^[A-Z]{2,6}$",
					message = "{places.casePrefix.pattern}") @Nullable String casePrefix) {

	}

	public record TownshipForm(@NotNull(message = "{validation.required}") @Nullable Long districtId,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = CODE_PATTERN,
					message = "{places.code.pattern}") @Nullable String code,
			@NotBlank(message = "{validation.required}") @Size(max = 60,
					message = "{validation.tooLong}") @Nullable String name,
			@NotNull(message = "{validation.required}") Township.@Nullable Kind kind,
			@Min(value = 0, message = "{validation.notNegative}") @Max(value = 10_000_000,
					message = "{validation.tooLarge}") @Nullable Integer population) {

	}

	public record VillageForm(@NotNull(message = "{validation.required}") @Nullable Long townshipId,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = CODE_PATTERN,
					message = "{places.code.pattern}") @Nullable String code,
			@NotBlank(message = "{validation.required}") @Size(max = 60,
					message = "{validation.tooLong}") @Nullable String name,
			@NotNull(message = "{validation.required}") Village.@Nullable Kind kind,
			@Min(value = 0, message = "{validation.notNegative}") @Max(value = 1_000_000,
					message = "{validation.tooLarge}") @Nullable Integer population,
			@Min(value = 0, message = "{validation.notNegative}") @Max(value = 1_000_000,
					message = "{validation.tooLarge}") @Nullable Integer households,
			@Size(max = 60, message = "{validation.tooLong}") @Nullable String committeeContact,
			@Pattern(regexp = "^$|" + PHONE_PATTERN, message = "{validation.phone}") @Nullable String committeePhone,
			@Size(max = 200, message = "{validation.tooLong}") @Nullable String address,
			@Size(max = 2000, message = "{validation.tooLong}") @Nullable String notes, boolean active) {

		public static VillageForm of(Village v) {
			return new VillageForm(v.townshipId(), v.code(), v.name(), v.kind(), v.population(), v.households(),
					v.committeeContact(), v.committeePhone(), v.address(), v.notes(), v.active());
		}

		public static VillageForm empty() {
			return new VillageForm(null, null, null, Village.Kind.VILLAGE, null, null, null, null, null, null, true);
		}

	}

}
