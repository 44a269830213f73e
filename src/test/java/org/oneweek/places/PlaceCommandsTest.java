package org.oneweek.places;

import org.junit.jupiter.api.Test;
import org.oneweek.platform.UnknownIdException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands refuse what the pages refuse, with the same message keys, so the service
 * is safe without the pages' validation.
 */
class PlaceCommandsTest {

	static CreateVillage village(String code, String name, Integer population, String phone) {
		return new CreateVillage(TownshipId.of(1), code, name, Village.Kind.VILLAGE, population, null, null, phone,
				null, null, true);
	}

	@Test
	void aVillageTakesWhatItsFormTakes() {
		assertThat(village("DJ", "东江村", 1_000_000, "").population()).isEqualTo(1_000_000);
		assertThat(village("dj-2", "东江村", null, "025-8540 1101").committeePhone()).isEqualTo("025-85401101");
		assertThatThrownBy(() -> village("dj-2", "东江村", null, "85401101")).hasMessage("validation.phone");
	}

	@Test
	void aVillageWithoutANameOrWithACodeThatCannotBePrintedIsRefused() {
		assertThatThrownBy(() -> village("DJ", " ", 100, null)).isInstanceOf(PlaceRuleException.class)
			.hasMessage("validation.required");
		assertThatThrownBy(() -> village(null, "东江村", 100, null)).hasMessage("validation.required");
		assertThatThrownBy(() -> village("东江", "东江村", 100, null)).hasMessage("places.code.pattern");
		assertThatThrownBy(() -> village("DJ", "东".repeat(61), 100, null)).hasMessage("validation.tooLong");
	}

	@Test
	void aVillagesNumbersAndPhoneAreChecked() {
		assertThatThrownBy(() -> village("DJ", "东江村", -1, null)).hasMessage("validation.notNegative");
		assertThatThrownBy(() -> village("DJ", "东江村", 1_000_001, null)).hasMessage("validation.tooLarge");
		assertThatThrownBy(() -> village("DJ", "东江村", 100, "call me")).hasMessage("validation.phone");
		assertThatThrownBy(
				() -> new UpdateVillage(TownshipId.of(1), "东江村", null, null, null, null, null, null, null, true))
			.hasMessage("validation.required");
	}

	@Test
	void anIdThatCannotBeAnybodysIsUnknown() {
		assertThat(VillageId.of(7).value()).isEqualTo(7);
		assertThat(VillageId.of(7)).isEqualTo(new VillageId(7)).hasToString("7");
		assertThatThrownBy(() -> VillageId.of(0)).isInstanceOf(UnknownIdException.class);
		assertThatThrownBy(() -> TownshipId.of(-3)).isInstanceOf(UnknownIdException.class);
		assertThatThrownBy(() -> DistrictId.of(0)).isInstanceOf(UnknownIdException.class);
	}

	@Test
	void aPlaceNeedsTheIdOfWhereItBelongs() {
		assertThatThrownBy(() -> new CreateVillage(null, "DJ", "东江村", Village.Kind.VILLAGE, null, null, null, null,
				null, null, true))
			.hasMessage("validation.required");
		assertThatThrownBy(() -> new CreateTownship(null, "JA", "江岸街道", Township.Kind.STREET, 100))
			.hasMessage("validation.required");
	}

	@Test
	void aDistrictsCasePrefixIsTwoToSixCapitalLetters() {
		assertThat(new CreateDistrict("QXD", "栖湖区", "QX").casePrefix()).isEqualTo("QX");
		assertThatThrownBy(() -> new CreateDistrict("QXD", "栖湖区", "qx")).isInstanceOf(PlaceRuleException.class)
			.hasMessage("places.casePrefix.pattern");
		assertThatThrownBy(() -> new CreateDistrict("QXD", "栖湖区", null)).hasMessage("validation.required");
	}

	@Test
	void aTownshipsPopulationIsAtMostTenMillion() {
		assertThatThrownBy(() -> new CreateTownship(DistrictId.of(1), "JA", "江岸街道", Township.Kind.STREET, 10_000_001))
			.hasMessage("validation.tooLarge");
		assertThatThrownBy(() -> new UpdateTownship(DistrictId.of(1), "JA", "江岸街道", null, 100))
			.hasMessage("validation.required");
	}

}
