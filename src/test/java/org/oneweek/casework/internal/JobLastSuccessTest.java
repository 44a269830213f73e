package org.oneweek.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.oneweek.casework.Escalations;
import org.oneweek.casework.Handovers;
import org.oneweek.platform.JobRuns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The deadlines job reports its last success only when it ran to the end. */
class JobLastSuccessTest {

	final Clock clock = Clock.fixed(Instant.parse("2026-10-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

	final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void theDeadlinesJobReportsWhenItRanToTheEnd() {
		Escalations escalations = mock(Escalations.class);
		Handovers handovers = mock(Handovers.class);
		given(escalations.run(any())).willReturn(3);
		given(handovers.handOverEndedTerms(any(), anyInt())).willReturn(List.of());

		new CaseJobs(escalations, handovers, clock, new JobRuns(registry)).run();

		assertThat(registry.get("oneweek.job.last.success").tag("job", "casework-deadlines").gauge().value())
			.isEqualTo(clock.instant().getEpochSecond());
	}

	@Test
	void aDeadlinesJobThatBrokeOffReportsNothing() {
		Escalations escalations = mock(Escalations.class);
		given(escalations.run(any())).willThrow(new IllegalStateException("database gone"));

		assertThatThrownBy(() -> new CaseJobs(escalations, mock(Handovers.class), clock, new JobRuns(registry)).run())
			.isInstanceOf(IllegalStateException.class);

		assertThat(registry.find("oneweek.job.last.success").tag("job", "casework-deadlines").gauge()).isNull();
	}

}
