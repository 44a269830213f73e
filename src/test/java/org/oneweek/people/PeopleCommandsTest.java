package org.oneweek.people;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands refuse what the pages refuse, with the same message keys, so the services
 * are safe without the pages' validation.
 */
class PeopleCommandsTest {

	static SaveMember member(String name, int birthYear, String phone) {
		return new SaveMember(name, Member.Gender.F, birthYear, false, phone, null, null, null, null, true);
	}

	@Test
	void aMemberNeedsANameABirthYearInRangeAndAPhoneNumber() {
		assertThat(member("孙丽娟", 1978, " 139 2500 1013 ").phone()).isEqualTo("13925001013");
		assertThatThrownBy(() -> member("孙丽娟", 1978, "2500101")).hasMessage("validation.phone");
		assertThatThrownBy(() -> member("", 1978, "13925001013")).isInstanceOf(PeopleRuleException.class)
			.hasMessage("validation.required");
		assertThatThrownBy(() -> member("孙丽娟", 1899, "13925001013")).hasMessage("people.birthYear.range");
		assertThatThrownBy(() -> member("孙丽娟", 2011, "13925001013")).hasMessage("people.birthYear.range");
		assertThatThrownBy(() -> member("孙丽娟", 1978, null)).hasMessage("validation.required");
		assertThatThrownBy(() -> member("孙丽娟", 1978, "139-call")).hasMessage("validation.phone");
	}

	@Test
	void unavailableDatesEndingBeforeTheyStartAreRefused() {
		LocalDate monday = LocalDate.of(2026, 3, 2);
		assertThat(new AddUnavailability(monday, monday, null).to()).isEqualTo(monday);
		assertThatThrownBy(() -> new AddUnavailability(monday, monday.minusDays(1), "外出"))
			.isInstanceOf(PeopleRuleException.class)
			.hasMessage("people.unavailability.order");
		assertThatThrownBy(() -> new AddUnavailability(null, monday, null)).hasMessage("validation.required");
	}

	@Test
	void aUnitsCodeHasTheFormOfAPlacesCode() {
		assertThat(new CreateUnit("MZJ", "区民政局", null, "").code()).isEqualTo("MZJ");
		assertThatThrownBy(() -> new CreateUnit("民政", "区民政局", null, null)).isInstanceOf(PeopleRuleException.class)
			.hasMessage("places.code.pattern");
	}

	@Test
	void anAccountNeedsAUsernameOfTheRightFormAndARole() {
		assertThatThrownBy(() -> new CreateAccount("wang min", "王敏", Set.of(Role.ORG_ADMIN), null, null, null, null))
			.isInstanceOf(PeopleRuleException.class)
			.hasMessage("people.username.pattern");
		assertThatThrownBy(() -> new CreateAccount("wang", "王敏", Set.of(), null, null, null, null))
			.hasMessage("people.roles.required");
		assertThatThrownBy(() -> new CreateAccount("wang", " ", Set.of(Role.ORG_ADMIN), null, null, null, null))
			.hasMessage("validation.required");
	}

	@Test
	void anAccountKeepsItsRolesAsGivenThenAndNeverShowsItsPassword() {
		Set<Role> roles = new LinkedHashSet<>(List.of(Role.TROUBLESHOOTER, Role.SECRETARY));
		CreateAccount account = new CreateAccount("zhou", "周文斌", roles, MemberId.of(4), null, null,
				"secret-password-1");
		roles.clear();
		assertThat(account.roles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.TROUBLESHOOTER);
		assertThatThrownBy(() -> account.roles().add(Role.ORG_ADMIN)).isInstanceOf(UnsupportedOperationException.class);
		assertThat(account.toString()).doesNotContain("secret-password-1");
	}

}
