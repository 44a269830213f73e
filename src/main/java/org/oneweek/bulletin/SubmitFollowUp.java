package org.oneweek.bulletin;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Satisfaction;
import org.oneweek.platform.CommandChecks;

/**
 * A villager's follow-up on a case. Refused ({@link CaseRuleException}) when the kind is
 * missing, a text is too long or the phone number of the wrong form, when information
 * comes without a text, or a confirmation without a satisfaction.
 *
 * @param satisfaction how satisfied they are, when they confirm it is fixed
 * @param phone where the committee may call them back
 * @param requestKey the same for the same form sent twice, so that it is taken once
 */
public record SubmitFollowUp(FollowUpKind kind, @Nullable String text, @Nullable Satisfaction satisfaction,
		@Nullable String phone, @Nullable String requestKey) {

	private static final CommandChecks CHECK = new CommandChecks(CaseRuleException::new);

	public SubmitFollowUp {
		CHECK.present(kind);
		CHECK.atMost(text, FollowUp.MAX_TEXT, "bulletin.followUp.tooLong");
		phone = CHECK.phone(phone);
		CHECK.atMost(requestKey, 100);
		if (kind == FollowUpKind.INFO && (text == null || text.isBlank())) {
			throw new CaseRuleException("bulletin.followUp.textRequired");
		}
		if (kind == FollowUpKind.CONFIRMED_FIXED && satisfaction == null) {
			throw new CaseRuleException("bulletin.followUp.satisfactionRequired");
		}
	}

	/** Without the text and the phone number, which must never reach a log line. */
	@Override
	public String toString() {
		return "SubmitFollowUp[kind=" + kind + "]";
	}

}
