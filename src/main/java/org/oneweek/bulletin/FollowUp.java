package org.oneweek.bulletin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Satisfaction;
import org.oneweek.places.VillageId;

/**
 * A villager's follow-up on a case. The text and the callback phone are private: for the
 * committee and the team, never for a public page.
 *
 * @param caseState the case's state when the follow-up came in
 * @param reopened whether it reopened the case
 */
public record FollowUp(FollowUpId id, CaseId caseId, String reference, VillageId villageId, FollowUpKind kind,
		@Nullable String text, @Nullable Satisfaction satisfaction, @Nullable String callbackPhone, CaseState caseState,
		boolean reopened, Instant receivedAt, State state, @Nullable Instant calledBackAt, @Nullable Instant handledAt,
		@Nullable String handledBy, @Nullable String handledNote) {

	/** The longest text a villager may write, and the committee's note on it. */
	public static final int MAX_TEXT = 1000;

	/** Where the committee is with it. */
	public enum State {

		NEW, CALLED_BACK, HANDLED

	}

	/** What the committee should do next. */
	public enum NextAction {

		/** Call the villager back. */
		CALL_BACK,
		/** The case was reopened: assign it again and tell the team. */
		REVIEW_REOPENED,
		/**
		 * The villager says a solved case is not fixed: check with the team, which
		 * reopens it if so.
		 */
		DECIDE_REOPEN,
		/** The villager says it is fixed: make the callback and close the case. */
		CLOSE_CASE,
		/** Add what the villager said to the case, if it matters. */
		CHECK_INFO,
		/** Push the responsible person; the case is still being worked on. */
		PUSH_RESPONSIBLE,
		/** Nothing left to do. */
		NONE

	}

	/** The next step, given where the case stands now. */
	public NextAction nextAction(CaseState caseNow) {
		if (state == State.HANDLED) {
			return NextAction.NONE;
		}
		if (state == State.NEW && callbackPhone != null) {
			return NextAction.CALL_BACK;
		}
		if (reopened && caseNow == CaseState.REOPENED) {
			return NextAction.REVIEW_REOPENED;
		}
		return switch (kind) {
			case CONFIRMED_FIXED -> (caseNow == CaseState.RESOLVED) ? NextAction.CLOSE_CASE : NextAction.CHECK_INFO;
			case NOT_FIXED -> caseNow.isActive() ? NextAction.PUSH_RESPONSIBLE
					: (caseNow == CaseState.RESOLVED || caseNow == CaseState.CLOSED) ? NextAction.DECIDE_REOPEN
							: NextAction.CHECK_INFO;
			case INFO -> NextAction.CHECK_INFO;
		};
	}

}
