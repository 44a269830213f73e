package org.oneweek.diary;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Urgency;
import org.oneweek.platform.CommandChecks;

/**
 * Records a finding of an inspection walk (its photo comes apart) and what becomes of it.
 * Refused ({@link DiaryRuleException}) when the text or the outcome is missing or a text
 * is too long.
 *
 * @param text what was found, the new case's title
 * @param category the new case's category (for {@link FindingOutcome#NEW_CASE})
 * @param urgency the new case's urgency; normal when not given
 * @param reference the reference number of the case it is linked to (for
 * {@link FindingOutcome#LINK})
 */
public record RecordFinding(String text, @Nullable String details, @Nullable String location, FindingOutcome outcome,
		@Nullable String category, @Nullable Urgency urgency, @Nullable String reference) {

	private static final CommandChecks CHECK = new CommandChecks(DiaryRuleException::new);

	public RecordFinding {
		if (text == null || text.isBlank()) {
			throw new DiaryRuleException("diary.finding.text.required");
		}
		CHECK.atMost(text, 100);
		CHECK.atMost(details, 2000);
		CHECK.atMost(location, 200);
		CHECK.present(outcome);
		CHECK.atMost(reference, 30);
	}

}
