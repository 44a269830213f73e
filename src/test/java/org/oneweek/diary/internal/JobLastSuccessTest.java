package org.oneweek.diary.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.oneweek.diary.DiaryReminders;
import org.oneweek.platform.JobRuns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The diary reminders' job reports its last success, run after run. */
class JobLastSuccessTest {

	final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void theRemindersJobReportsEachRun() {
		DiaryReminders reminders = mock(DiaryReminders.class);
		given(reminders.run(any())).willReturn(1);
		JobRuns runs = new JobRuns(registry);
		Instant first = Instant.parse("2026-10-01T12:00:00Z");

		new DiaryJobs(reminders, Clock.fixed(first, ZoneId.of("Asia/Shanghai")), runs).run();
		new DiaryJobs(reminders, Clock.fixed(first.plusSeconds(300), ZoneId.of("Asia/Shanghai")), runs).run();

		assertThat(registry.get("oneweek.job.last.success").tag("job", "diary-reminders").gauge().value())
			.isEqualTo(first.plusSeconds(300).getEpochSecond());
	}

}
