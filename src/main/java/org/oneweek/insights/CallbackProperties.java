package org.oneweek.insights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callbacks are retried.
 *
 * @param retryAfter how long after an attempt that did not reach the villager the next
 * one is due
 * @param maxAttempts after this many attempts without reaching the villager the case is
 * listed as unreachable, for the department to decide
 */
@ConfigurationProperties("oneweek.insights.callbacks")
public record CallbackProperties(@DefaultValue("24h") Duration retryAfter, @DefaultValue("3") int maxAttempts) {

	public CallbackProperties {
		if (retryAfter.isNegative() || maxAttempts < 1 || maxAttempts > 100) {
			throw new IllegalArgumentException("oneweek.insights.callbacks: retry-after >= 0, max-attempts 1 to 100");
		}
	}

}
