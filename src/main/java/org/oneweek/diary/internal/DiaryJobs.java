package org.oneweek.diary.internal;

import java.time.Clock;

import org.oneweek.diary.DiaryReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes: once the evening hour has come, remind the secretaries whose diary
 * of the day is still empty. Safe with several instances on one database. Tests call the
 * service with the instant they need instead (the job is off there).
 */
@Component
@ConditionalOnProperty(name = "oneweek.diary.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DiaryJobs {

	private static final Logger log = LoggerFactory.getLogger(DiaryJobs.class);

	private final DiaryReminders reminders;

	private final Clock clock;

	private final org.oneweek.platform.JobRuns runs;

	DiaryJobs(DiaryReminders reminders, Clock clock, org.oneweek.platform.JobRuns runs) {
		this.runs = runs;
		this.reminders = reminders;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${oneweek.diary.jobs.initial-delay:PT45S}",
			fixedDelayString = "${oneweek.diary.jobs.interval:PT5M}")
	void run() {
		int reminded = reminders.run(clock.instant());
		if (reminded > 0) {
			log.info("Reminded {} secretaries of today's diary", reminded);
		}
		runs.succeeded("diary-reminders", clock.instant());
	}

}
