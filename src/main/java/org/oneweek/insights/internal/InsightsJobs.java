package org.oneweek.insights.internal;

import java.time.Clock;
import java.time.Duration;

import org.oneweek.insights.Insights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: settles the summary's open deadlines once a day
 * ({@link Insights#settleSummary}), and reconciles the village-weeks changed since their
 * blind spots were stored, the newest first, for at most
 * {@code oneweek.insights.jobs.budget} (10 s), so that the dashboard's reads find them
 * current rather than reconciling them themselves. Safe with several instances (a week's
 * result is stored only if nothing changed it meanwhile). Tests call
 * {@link Insights#catchUpBlindSpots} with the instant they need (the job is off there).
 */
@Component
@ConditionalOnProperty(name = "oneweek.insights.jobs.enabled", havingValue = "true", matchIfMissing = true)
class InsightsJobs {

	private static final Logger log = LoggerFactory.getLogger(InsightsJobs.class);

	private final Insights insights;

	private final Clock clock;

	private final org.oneweek.platform.JobRuns runs;

	private final Duration budget;

	InsightsJobs(Insights insights, Clock clock, org.oneweek.platform.JobRuns runs,
			@Value("${oneweek.insights.jobs.budget:PT10S}") Duration budget) {
		this.insights = insights;
		this.clock = clock;
		this.runs = runs;
		this.budget = budget;
	}

	@Scheduled(initialDelayString = "${oneweek.insights.jobs.initial-delay:PT60S}",
			fixedDelayString = "${oneweek.insights.jobs.interval:PT1M}")
	void run() {
		int settled = insights.settleSummary(clock.instant());
		if (settled > 0) {
			log.info("Settled the open deadlines of {} cases in the insights summary", settled);
		}
		int stored = insights.catchUpBlindSpots(clock.instant(), budget);
		if (stored > 0) {
			log.info("Reconciled {} village-weeks for the blind-spot figures", stored);
		}
		runs.succeeded("insights-blind-spots", clock.instant());
	}

}
