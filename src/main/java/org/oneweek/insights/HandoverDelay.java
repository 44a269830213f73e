package org.oneweek.insights;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * How long the next team took to acknowledge a term's hand-over: over the ledger's
 * hand-overs of at least one open case, the hours from the hand-over (the term's team,
 * the department or the system at the term's end) to the next team's acknowledgement (its
 * lead's, with the hand-over report, or the department's).
 *
 * @param handovers hand-overs of cases in scope
 * @param acknowledged of those, acknowledged
 * @param medianHours median hours to the acknowledgement, over those acknowledged
 * @param p90Hours 90th percentile of the same
 */
public record HandoverDelay(long handovers, long acknowledged, @Nullable Double medianHours,
		@Nullable Double p90Hours) {

	public static final HandoverDelay NONE = new HandoverDelay(0, 0, null, null);

	/** Hand-overs not acknowledged yet. */
	public long waiting() {
		return handovers - acknowledged;
	}

	/** One hand-over counted by the hand-over delay. */
	public record Handover(long id, long village, LocalDate fromWeek, Instant createdAt, String createdBy,
			@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, int cases) {

		/** Hours to the acknowledgement, or so far. */
		public double hours(Instant now) {
			Instant end = (acknowledgedAt != null) ? acknowledgedAt : now;
			return java.time.Duration.between(createdAt, end).toMinutes() / 60.0;
		}

	}

}
