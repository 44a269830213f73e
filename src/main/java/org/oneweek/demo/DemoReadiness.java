package org.oneweek.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Says why the demo is not ready yet: while the demo district is being seeded (about half
 * a minute on a fresh database) readiness is OUT_OF_SERVICE with this indicator's
 * {@code demoData} detail, {@code LOADING n/m} and the step under way (shown to anyone
 * who asks /actuator/health/readiness in the demo profile), and the log says so when it
 * starts and ends. Liveness stays UP meanwhile: the process is healthy, only not ready.
 */
@Component("demoLoading")
@Profile("demo")
class DemoReadiness implements HealthIndicator {

	private volatile int steps = DemoData.STEPS;

	private volatile int done;

	private volatile @Nullable String step = "waiting to start";

	private volatile boolean loading = true;

	private volatile @Nullable String failure;

	/** Loading starts, in this many steps. */
	void begin(int steps) {
		this.steps = steps;
		this.done = 0;
		this.step = "starting";
		this.failure = null;
		this.loading = true;
	}

	/** A step starts (the previous one, if any, is done). */
	void step(int number, String what) {
		this.done = number - 1;
		this.step = what;
	}

	void done() {
		this.done = steps;
		this.step = null;
		this.loading = false;
	}

	/** Loading stopped with an error: not ready, and says why. */
	void failed(String why) {
		this.failure = why;
	}

	@Override
	public Health health() {
		String failed = failure;
		if (failed != null) {
			return Health.outOfService()
				.withDetail("demoData", "FAILED " + done + "/" + steps)
				.withDetail("reason", failed)
				.build();
		}
		if (loading) {
			return Health.outOfService()
				.withDetail("demoData", "LOADING " + done + "/" + steps)
				.withDetail("step", String.valueOf(step))
				.build();
		}
		return Health.up().withDetail("demoData", "LOADED " + steps + "/" + steps).build();
	}

}
