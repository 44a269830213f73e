package org.oneweek.diary;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oneweek.people.MemberId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands refuse what the pages refuse, with the same message keys, so the services
 * are safe without the pages' validation.
 */
class DiaryCommandsTest {

	static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

	@Test
	void aDiaryMayBeEmptyButNotTooLong() {
		assertThat(new WriteDiary(null, null, " ", null, null, null, null).hasContent()).isFalse();
		assertThat(new WriteDiary(null, 0, null, null, null, null, null).hasContent()).isTrue();
		assertThatThrownBy(() -> new WriteDiary(null, null, null, null, "走".repeat(5001), null, null))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("validation.tooLong");
		assertThatThrownBy(() -> new WriteDiary(null, -1, null, null, null, null, null))
			.hasMessage("validation.notNegative");
	}

	@Test
	void aMeetingNeedsItsDayAndPlace() {
		assertThatThrownBy(() -> new RecordMeeting(null, "村委会", 42, null, null, null))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("validation.required");
		assertThatThrownBy(() -> new RecordMeeting(TUESDAY, "  ", 42, null, null, null))
			.hasMessage("validation.required");
		assertThatThrownBy(() -> new RecordMeeting(TUESDAY, "村委会", 100_001, null, null, null))
			.hasMessage("validation.tooLarge");
	}

	@Test
	void whoWasThereLeavesOutEmptyChoices() {
		assertThat(
				new RecordMeeting(TUESDAY, "村委会", null, null, null, Arrays.asList(MemberId.of(3), null, MemberId.of(5)))
					.memberIds())
			.containsExactly(MemberId.of(3), MemberId.of(5));
		assertThat(new RecordInspection(TUESDAY, "河堤", null, null, null).memberIds()).isEmpty();
	}

	@Test
	void anInspectionNeedsItsDayAndRoute() {
		assertThatThrownBy(() -> new RecordInspection(TUESDAY, "", null, null, null))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("validation.required");
		assertThatThrownBy(() -> new RecordInspection(TUESDAY, "河堤", "王".repeat(501), null, null))
			.hasMessage("validation.tooLong");
	}

	@Test
	void aFindingNeedsItsTextAndWhatBecomesOfIt() {
		assertThatThrownBy(() -> new RecordFinding(" ", null, null, FindingOutcome.NOTE, null, null, null))
			.isInstanceOf(DiaryRuleException.class)
			.hasMessage("diary.finding.text.required");
		assertThatThrownBy(() -> new RecordFinding("护栏松动", null, null, null, null, null, null))
			.hasMessage("validation.required");
		assertThatThrownBy(() -> new RecordFinding("护".repeat(101), null, null, FindingOutcome.NOTE, null, null, null))
			.hasMessage("validation.tooLong");
		assertThatThrownBy(
				() -> new RecordFinding("护栏松动", null, "桥".repeat(201), FindingOutcome.NOTE, null, null, null))
			.hasMessage("validation.tooLong");
		assertThatThrownBy(
				() -> new RecordFinding("护栏松动", null, null, FindingOutcome.LINK, null, null, "QX-".repeat(11)))
			.hasMessage("validation.tooLong");
		assertThatThrownBy(() -> new DecideFinding(null, "BRIDGES", null, null)).hasMessage("validation.required");
		assertThatThrownBy(() -> new DecideFinding(FindingOutcome.LINK, null, null, "QX-".repeat(11)))
			.hasMessage("validation.tooLong");
	}

}
