package org.oneweek.diary;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Urgency;
import org.oneweek.platform.CommandChecks;

/**
 * Decides what becomes of a finding only noted so far: a new case, or a link to a case
 * already recorded ({@link FindingOutcome#NOTE} leaves it noted). Refused
 * ({@link DiaryRuleException}) when the outcome is missing or the reference number too
 * long.
 *
 * @param category the new case's category (for {@link FindingOutcome#NEW_CASE})
 * @param urgency the new case's urgency; normal when not given
 * @param reference the reference number of the case it is linked to (for
 * {@link FindingOutcome#LINK})
 */
public record DecideFinding(FindingOutcome outcome, @Nullable String category, @Nullable Urgency urgency,
		@Nullable String reference) {

	private static final CommandChecks CHECK = new CommandChecks(DiaryRuleException::new);

	public DecideFinding {
		CHECK.present(outcome);
		CHECK.atMost(reference, 30);
	}

}
