package org.oneweek.reconciliation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A pair of a match: its score (the threshold is {@link WeekReconciliation#threshold()}),
 * the model's cosine, the reasons in words, and where it stands.
 */
public record Proposal(Pair pair, double score, double cosine, List<Reason> reasons, Standing standing,
		@Nullable Decision decision) {

	public enum Standing {

		/** Proposed by the matching, waiting for the team. */
		PROPOSED,
		/** Confirmed by a person (or paired by hand). */
		CONFIRMED,
		/** Linked already: a finding linked to the case at the inspection. */
		LINKED

	}

	public Proposal {
		reasons = List.copyOf(reasons);
	}

	public boolean pending() {
		return standing == Standing.PROPOSED;
	}

	/** The score as shown, two decimals. */
	public String scoreText() {
		return String.format(java.util.Locale.ROOT, "%.2f", score);
	}

}
