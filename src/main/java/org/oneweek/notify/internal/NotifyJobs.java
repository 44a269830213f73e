package org.oneweek.notify.internal;

import java.time.Clock;

import org.oneweek.notify.NoticeDelivery;
import org.oneweek.platform.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: send the notices that are due, batch after batch while there are
 * any. Safe on every instance (each notice is claimed once). Tests call the delivery with
 * the instant they need instead (the job is off there).
 */
@Component
@ConditionalOnProperty(name = "oneweek.notify.jobs.enabled", havingValue = "true", matchIfMissing = true)
class NotifyJobs {

	private static final Logger log = LoggerFactory.getLogger(NotifyJobs.class);

	private static final int MOST_BATCHES = 50;

	private final NoticeDelivery delivery;

	private final Clock clock;

	private final JobRuns runs;

	NotifyJobs(NoticeDelivery delivery, Clock clock, JobRuns runs) {
		this.delivery = delivery;
		this.clock = clock;
		this.runs = runs;
	}

	@Scheduled(initialDelayString = "${oneweek.notify.jobs.initial-delay:PT20S}",
			fixedDelayString = "${oneweek.notify.jobs.interval:PT10S}")
	void run() {
		for (int batch = 0; batch < MOST_BATCHES; batch++) {
			NoticeDelivery.Outcome outcome = delivery.deliverDue(clock.instant());
			if (outcome.sent() + outcome.failed() + outcome.retried() > 0) {
				log.info("Notices: {} sent, {} to retry, {} failed", outcome.sent(), outcome.retried(),
						outcome.failed());
			}
			if (outcome.claimed() == 0) {
				break;
			}
		}
		// a notice that failed is retried or reported on its own; the job itself ran
		runs.succeeded("notify-delivery", clock.instant());
	}

}
