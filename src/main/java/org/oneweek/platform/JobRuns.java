package org.oneweek.platform;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * When each scheduled job of this instance last ran to the end, for monitoring: the gauge
 * {@code oneweek.job.last.success} (seconds since the epoch, tagged with the job's name),
 * so an alert can fire when a job has not succeeded for longer than its interval.
 */
@Component
public class JobRuns {

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

	public JobRuns(MeterRegistry registry) {
		this.registry = registry;
	}

	/** The job ran to the end at {@code at}. */
	public void succeeded(String job, Instant at) {
		lastSuccess.computeIfAbsent(job, (name) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("oneweek.job.last.success", value, AtomicLong::get)
				.tag("job", name)
				.baseUnit("seconds")
				.description("When the job last ran to the end on this instance (seconds since the epoch)")
				.register(registry);
			return value;
		}).set(at.getEpochSecond());
	}

}
