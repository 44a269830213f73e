package org.oneweek.casework.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Satisfaction;

/**
 * How a case ended, as far as it has: what was done and when, the villager's satisfaction
 * at the callback, or why it was declined, or the case it was merged into. A value: a
 * reopened case starts with {@link #NONE}.
 */
record Outcome(@Nullable String result, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
		@Nullable Satisfaction satisfaction, @Nullable String declineReason, @Nullable CaseId mergedIntoId) {

	static final Outcome NONE = new Outcome(null, null, null, null, null, null);

	Outcome resolved(String what, Instant at) {
		return new Outcome(what, at, closedAt, satisfaction, declineReason, mergedIntoId);
	}

	Outcome closed(Satisfaction answer, Instant at) {
		return new Outcome(result, resolvedAt, at, answer, declineReason, mergedIntoId);
	}

	Outcome declined(String why) {
		return new Outcome(result, resolvedAt, closedAt, satisfaction, why, mergedIntoId);
	}

	/** Reopened: the declining no longer stands; a merge is never undone. */
	Outcome reopened() {
		return new Outcome(null, null, null, null, null, mergedIntoId);
	}

	Outcome mergedInto(CaseId caseId) {
		return new Outcome(result, resolvedAt, closedAt, satisfaction, declineReason, caseId);
	}

}
