package org.oneweek.bulletin.internal;

import java.time.Clock;

import org.oneweek.bulletin.Open311Keys;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo district's Open311 key, {@value #KEY}, so that other systems can be tried
 * against the demo at once.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOpen311Key implements ApplicationRunner {

	static final String KEY = "oneweek-demo-open311";

	private final Open311Keys keys;

	private final Clock clock;

	DemoOpen311Key(Open311Keys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!keys.exists(KEY)) {
			keys.create("12345 hotline (demo)", KEY, "demo", true, clock.instant());
		}
	}

}
