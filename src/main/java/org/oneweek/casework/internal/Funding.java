package org.oneweek.casework.internal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseRuleException;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * The money of a case: what was asked for, what was granted, from which source and by
 * whom. A value: each change makes a new one, checked.
 */
record Funding(@Nullable BigDecimal requested, @Nullable BigDecimal approved, @Nullable String source,
		@Nullable String approvedBy) {

	/**
	 * Money asked for; a source given replaces the one known.
	 * @throws CaseRuleException when the amount is missing or not positive
	 */
	Funding request(@Nullable BigDecimal amount, @Nullable String from) {
		String named = blankToNull(from);
		return new Funding(positive(amount), approved, (named != null) ? named : source, approvedBy);
	}

	/**
	 * Money granted.
	 * @throws CaseRuleException without the approver or the source, or when the amount is
	 * missing or not positive
	 */
	Funding approve(@Nullable BigDecimal amount, @Nullable String from, @Nullable String by) {
		String named = blankToNull(from);
		String approver = blankToNull(by);
		if (approver == null || named == null) {
			throw new CaseRuleException("case.funding.approverRequired");
		}
		return new Funding(requested, positive(amount), named, approver);
	}

	private static BigDecimal positive(@Nullable BigDecimal amount) {
		if (amount == null) {
			throw new CaseRuleException("validation.required");
		}
		if (amount.signum() <= 0) {
			throw new CaseRuleException("case.funding.positive");
		}
		return amount;
	}

}
