package org.oneweek.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Says why the demo is not ready yet: while the demo district is being seeded (about half
 * a minute on a fresh database) readiness is OUT_OF_SERVICE with this indicator's
 * {@code loading} detail, and the log says so when it starts and ends.
 */
@Component("demoLoading")
@Profile("demo")
class DemoReadiness implements HealthIndicator {

	private volatile boolean loading = true;

	void done() {
		this.loading = false;
	}

	@Override
	public Health health() {
		return loading ? Health.outOfService().withDetail("loading", "the demo district is being seeded").build()
				: Health.up().build();
	}

}
