package org.oneweek.places.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.places.DistrictId;
import org.oneweek.places.TownshipId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Phone;
import org.oneweek.places.CreateDistrict;
import org.oneweek.places.CreateTownship;
import org.oneweek.places.CreateVillage;
import org.oneweek.places.PlaceRules;
import org.oneweek.places.Township;
import org.oneweek.places.UpdateTownship;
import org.oneweek.places.UpdateVillage;
import org.oneweek.places.Village;

/**
 * What a person fills in to create or change a place. Forms are mutable beans, not
 * records: a browser can send anything, and a field that does not convert (a population
 * of "many") must be reported beside every other field's error, with what the person
 * typed kept. Once a form is valid, it becomes the command the service takes.
 */
final class PlaceForms {

	private PlaceForms() {
	}

	/**
	 * A district.
	 */
	static final class DistrictForm {

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PlaceRules.CODE_PATTERN, message = "{places.code.pattern}")
		private @Nullable String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String name;

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PlaceRules.CASE_PREFIX_PATTERN, message = "{places.casePrefix.pattern}")
		private @Nullable String casePrefix;

		public DistrictForm() {
		}

		public DistrictForm(@Nullable String code, @Nullable String name, @Nullable String casePrefix) {
			this.code = code;
			this.name = name;
			this.casePrefix = casePrefix;
		}

		public @Nullable String getCode() {
			return code;
		}

		public void setCode(@Nullable String code) {
			this.code = code;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getCasePrefix() {
			return casePrefix;
		}

		public void setCasePrefix(@Nullable String casePrefix) {
			this.casePrefix = casePrefix;
		}

		CreateDistrict toCommand() {
			return new CreateDistrict(code, name, casePrefix);
		}

	}

	/**
	 * A township or street.
	 */
	static final class TownshipForm {

		@NotNull(message = "{validation.required}")
		private @Nullable Long districtId;

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PlaceRules.CODE_PATTERN, message = "{places.code.pattern}")
		private @Nullable String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String name;

		@NotNull(message = "{validation.required}")
		private Township.@Nullable Kind kind;

		@Min(value = 0, message = "{validation.notNegative}")
		@Max(value = 10_000_000, message = "{validation.tooLarge}")
		private @Nullable Integer population;

		public TownshipForm() {
		}

		public TownshipForm(@Nullable Long districtId, @Nullable String code, @Nullable String name,
				Township.@Nullable Kind kind, @Nullable Integer population) {
			this.districtId = districtId;
			this.code = code;
			this.name = name;
			this.kind = kind;
			this.population = population;
		}

		public @Nullable Long getDistrictId() {
			return districtId;
		}

		public void setDistrictId(@Nullable Long districtId) {
			this.districtId = districtId;
		}

		public @Nullable String getCode() {
			return code;
		}

		public void setCode(@Nullable String code) {
			this.code = code;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public Township.@Nullable Kind getKind() {
			return kind;
		}

		public void setKind(Township.@Nullable Kind kind) {
			this.kind = kind;
		}

		public @Nullable Integer getPopulation() {
			return population;
		}

		public void setPopulation(@Nullable Integer population) {
			this.population = population;
		}

		CreateTownship toCreate() {
			return new CreateTownship(Ids.nullable(districtId, DistrictId::of), code, name, kind, population);
		}

		UpdateTownship toUpdate() {
			return new UpdateTownship(Ids.nullable(districtId, DistrictId::of), code, name, kind, population);
		}

	}

	/**
	 * A village or community.
	 */
	static final class VillageForm {

		@NotNull(message = "{validation.required}")
		private @Nullable Long townshipId;

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PlaceRules.CODE_PATTERN, message = "{places.code.pattern}")
		private @Nullable String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String name;

		@NotNull(message = "{validation.required}")
		private Village.@Nullable Kind kind;

		@Min(value = 0, message = "{validation.notNegative}")
		@Max(value = 1_000_000, message = "{validation.tooLarge}")
		private @Nullable Integer population;

		@Min(value = 0, message = "{validation.notNegative}")
		@Max(value = 1_000_000, message = "{validation.tooLarge}")
		private @Nullable Integer households;

		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String committeeContact;

		@Phone
		private @Nullable String committeePhone;

		@Size(max = 200, message = "{validation.tooLong}")
		private @Nullable String address;

		@Size(max = 2000, message = "{validation.tooLong}")
		private @Nullable String notes;

		private boolean active;

		public VillageForm() {
		}

		public VillageForm(@Nullable Long townshipId, @Nullable String code, @Nullable String name,
				Village.@Nullable Kind kind, @Nullable Integer population, @Nullable Integer households,
				@Nullable String committeeContact, @Nullable String committeePhone, @Nullable String address,
				@Nullable String notes, boolean active) {
			this.townshipId = townshipId;
			this.code = code;
			this.name = name;
			this.kind = kind;
			this.population = population;
			this.households = households;
			this.committeeContact = committeeContact;
			this.committeePhone = committeePhone;
			this.address = address;
			this.notes = notes;
			this.active = active;
		}

		public @Nullable Long getTownshipId() {
			return townshipId;
		}

		public void setTownshipId(@Nullable Long townshipId) {
			this.townshipId = townshipId;
		}

		public @Nullable String getCode() {
			return code;
		}

		public void setCode(@Nullable String code) {
			this.code = code;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public Village.@Nullable Kind getKind() {
			return kind;
		}

		public void setKind(Village.@Nullable Kind kind) {
			this.kind = kind;
		}

		public @Nullable Integer getPopulation() {
			return population;
		}

		public void setPopulation(@Nullable Integer population) {
			this.population = population;
		}

		public @Nullable Integer getHouseholds() {
			return households;
		}

		public void setHouseholds(@Nullable Integer households) {
			this.households = households;
		}

		public @Nullable String getCommitteeContact() {
			return committeeContact;
		}

		public void setCommitteeContact(@Nullable String committeeContact) {
			this.committeeContact = committeeContact;
		}

		public @Nullable String getCommitteePhone() {
			return committeePhone;
		}

		public void setCommitteePhone(@Nullable String committeePhone) {
			this.committeePhone = committeePhone;
		}

		public @Nullable String getAddress() {
			return address;
		}

		public void setAddress(@Nullable String address) {
			this.address = address;
		}

		public @Nullable String getNotes() {
			return notes;
		}

		public void setNotes(@Nullable String notes) {
			this.notes = notes;
		}

		public boolean isActive() {
			return active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		CreateVillage toCreate() {
			return new CreateVillage(Ids.nullable(townshipId, TownshipId::of), code, name, kind, population, households,
					committeeContact, committeePhone, address, notes, active);
		}

		/** The code is left out: it never changes. */
		UpdateVillage toUpdate() {
			return new UpdateVillage(Ids.nullable(townshipId, TownshipId::of), name, kind, population, households,
					committeeContact, committeePhone, address, notes, active);
		}

		static VillageForm of(Village v) {
			return new VillageForm(v.townshipId().value(), v.code(), v.name(), v.kind(), v.population(), v.households(),
					v.committeeContact(), v.committeePhone(), v.address(), v.notes(), v.active());
		}

		static VillageForm empty() {
			return new VillageForm(null, null, null, Village.Kind.VILLAGE, null, null, null, null, null, null, true);
		}

	}

}
