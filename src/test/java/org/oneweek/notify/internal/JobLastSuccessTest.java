package org.oneweek.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.oneweek.notify.NoticeDelivery;
import org.oneweek.platform.JobRuns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The delivery job reports its last success to monitoring when it ran to the end, and not
 * when it broke off.
 */
class JobLastSuccessTest {

	final Clock clock = Clock.fixed(Instant.parse("2026-10-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

	final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void theDeliveryJobReportsWhenItRanToTheEnd() {
		NoticeDelivery delivery = mock(NoticeDelivery.class);
		given(delivery.deliverDue(any())).willReturn(new NoticeDelivery.Outcome(2, 0, 0, 0),
				new NoticeDelivery.Outcome(0, 0, 0, 0));
		assertThat(registry.find("oneweek.job.last.success").tag("job", "notify-delivery").gauge()).isNull();

		new NotifyJobs(delivery, clock, new JobRuns(registry)).run();

		assertThat(registry.get("oneweek.job.last.success").tag("job", "notify-delivery").gauge().value())
			.isEqualTo(clock.instant().getEpochSecond());
	}

	@Test
	void aDeliveryJobThatBrokeOffReportsNothing() {
		NoticeDelivery delivery = mock(NoticeDelivery.class);
		given(delivery.deliverDue(any())).willThrow(new IllegalStateException("database gone"));

		assertThatThrownBy(() -> new NotifyJobs(delivery, clock, new JobRuns(registry)).run())
			.isInstanceOf(IllegalStateException.class);

		assertThat(registry.find("oneweek.job.last.success").tag("job", "notify-delivery").gauge()).isNull();
	}

}
