package org.oneweek.places;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands refuse what the pages refuse, with the same message keys, so the service
 * is safe without the pages' validation.
 */
class PlaceCommandsTest {

	static CreateVillage village(String code, String name, Integer population, String phone) {
		return new CreateVillage(1, code, name, Village.Kind.VILLAGE, population, null, null, phone, null, null, true);
	}

	@Test
	void aVillageTakesWhatItsFormTakes() {
		assertThat(village("DJ", "东江村", 1_000_000, "").population()).isEqualTo(1_000_000);
		assertThat(village("dj-2", "东江村", null, "025-8540 1101").committeePhone()).isEqualTo("025-8540 1101");
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
		assertThatThrownBy(() -> new UpdateVillage(1, "东江村", null, null, null, null, null, null, null, true))
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
		assertThatThrownBy(() -> new CreateTownship(1, "JA", "江岸街道", Township.Kind.STREET, 10_000_001))
			.hasMessage("validation.tooLarge");
		assertThatThrownBy(() -> new UpdateTownship(1, "JA", "江岸街道", null, 100)).hasMessage("validation.required");
	}

}
