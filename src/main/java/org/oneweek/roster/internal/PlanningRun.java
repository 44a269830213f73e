package org.oneweek.roster.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A planning run as every instance sees it: what it plans, how far it got, the best score
 * so far.
 *
 * @param lost the instance solving it stopped answering (it was shut down or crashed)
 */
public record PlanningRun(long id, PlanRange range, int timeLimitSeconds, Status status, boolean stopRequested,
		String startedBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
		@Nullable Integer postCount, @Nullable Integer memberCount, @Nullable Long bestHard, @Nullable Long bestSoft,
		@Nullable Long bestAtMs, @Nullable Long firstFeasibleMs, int improvements, @Nullable String message,
		long elapsedMs, boolean lost) {

	public enum Status {

		QUEUED, SOLVING, FINISHED, STOPPED, FAILED

	}

	public boolean active() {
		return (status == Status.QUEUED || status == Status.SOLVING) && !lost;
	}

	public boolean done() {
		return !active();
	}

	public boolean hasScore() {
		return bestHard != null && bestSoft != null;
	}

	public boolean feasible() {
		return bestHard != null && bestHard == 0;
	}

	/** Seconds elapsed, for the progress bar. */
	public long elapsedSeconds() {
		return Math.min(elapsedMs / 1000, timeLimitSeconds);
	}

}
