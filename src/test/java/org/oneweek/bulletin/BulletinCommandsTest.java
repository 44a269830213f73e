package org.oneweek.bulletin;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands refuse what the pages refuse, with the same message keys, so the services
 * are safe without the pages' validation.
 */
class BulletinCommandsTest {

	@Test
	void informationNeedsATextAndAConfirmationASatisfaction() {
		assertThatThrownBy(() -> new SubmitFollowUp(FollowUpKind.INFO, " ", null, null, null))
			.isInstanceOf(CaseRuleException.class)
			.hasMessage("bulletin.followUp.textRequired");
		assertThatThrownBy(() -> new SubmitFollowUp(FollowUpKind.CONFIRMED_FIXED, null, null, null, null))
			.hasMessage("bulletin.followUp.satisfactionRequired");
		assertThat(new SubmitFollowUp(FollowUpKind.CONFIRMED_FIXED, null, Satisfaction.SATISFIED, "", null).kind())
			.isEqualTo(FollowUpKind.CONFIRMED_FIXED);
	}

	@Test
	void aFollowUpsTextAndPhoneAreChecked() {
		assertThatThrownBy(
				() -> new SubmitFollowUp(FollowUpKind.INFO, "水".repeat(FollowUp.MAX_TEXT + 1), null, null, null))
			.hasMessage("bulletin.followUp.tooLong");
		assertThatThrownBy(() -> new SubmitFollowUp(FollowUpKind.INFO, "还在漏水", null, "ring me", null))
			.hasMessage("validation.phone");
		assertThatThrownBy(() -> new SubmitFollowUp(null, "还在漏水", null, null, null)).hasMessage("validation.required");
	}

	@Test
	void aFollowUpNeverShowsTheVillagersPhone() {
		assertThat(new SubmitFollowUp(FollowUpKind.NOT_FIXED, "没修好", null, "13900001111", "k1").toString())
			.doesNotContain("13900001111")
			.doesNotContain("没修好");
	}

	@Test
	void villagersAreEnlistedWithANameATaskAndAHeadcountInRange() {
		assertThatThrownBy(
				() -> new EnlistVillagers(Enlistment.Kind.GROUP, "志愿清洁队", true, List.of(), 5, " ", null, false))
			.isInstanceOf(CaseRuleException.class)
			.hasMessage("validation.required");
		assertThatThrownBy(
				() -> new EnlistVillagers(Enlistment.Kind.GROUP, "志愿清洁队", true, List.of(), 0, "清运", null, false))
			.hasMessage("bulletin.enlist.headcount.range");
		assertThatThrownBy(
				() -> new EnlistVillagers(Enlistment.Kind.VILLAGER, "李大爷", false, List.of(), 1, "清运", "0x123", false))
			.hasMessage("validation.phone");
	}

}
