package org.oneweek.casework.internal;

import java.time.Clock;

import org.oneweek.casework.Escalations;
import org.oneweek.casework.Handovers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: escalate overdue cases, and hand over the open cases of terms that ended
 * without their team doing it. Both are safe with several instances on one database.
 * Tests call the services with the instant they need instead (the job is off there).
 */
@Component
@ConditionalOnProperty(name = "oneweek.casework.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CaseJobs {

	private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);

	private final Escalations escalations;

	private final Handovers handovers;

	private final Clock clock;

	private final org.oneweek.platform.JobRuns runs;

	CaseJobs(Escalations escalations, Handovers handovers, Clock clock, org.oneweek.platform.JobRuns runs) {
		this.runs = runs;
		this.escalations = escalations;
		this.handovers = handovers;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${oneweek.casework.jobs.initial-delay:PT30S}",
			fixedDelayString = "${oneweek.casework.jobs.interval:PT1M}")
	void run() {
		int escalated = escalations.run(clock.instant());
		int handedOver = handovers.handOverEndedTerms(clock.instant(), 8).size();
		if (escalated > 0 || handedOver > 0) {
			log.info("Escalated {} deadlines, handed over {} terms", escalated, handedOver);
		}
		runs.succeeded("casework-deadlines", clock.instant());
	}

}
