package org.oneweek.insights;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Satisfaction;

/**
 * What came of one callback: the villager reached with their answer, or not reached.
 *
 * @param comment what the villager said, at most 2000 characters
 */
public record CallbackAnswer(boolean reached, @Nullable Satisfaction satisfaction, @Nullable String comment) {

	public CallbackAnswer {
		if (reached && satisfaction == null) {
			throw new InsightsException("insights.callback.answerRequired");
		}
		if (!reached) {
			satisfaction = null;
		}
		if (comment != null) {
			comment = comment.strip();
			if (comment.isEmpty()) {
				comment = null;
			}
			else if (comment.length() > 2000) {
				throw new InsightsException("insights.callback.commentTooLong");
			}
		}
	}

}
