package org.oneweek.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the figures.
 *
 * @param contactWeight weight of the contact rate in the composite
 * @param resolutionWeight weight of the resolution rate
 * @param satisfactionWeight weight of the satisfaction rate
 * @param basicallySatisfiedWeight what a "basically satisfied" answer counts for in the
 * satisfaction rate (a "satisfied" one counts 1)
 */
@ConfigurationProperties("oneweek.insights")
public record InsightsProperties(@DefaultValue("0.1") double contactWeight,
		@DefaultValue("0.5") double resolutionWeight, @DefaultValue("0.4") double satisfactionWeight,
		@DefaultValue("0.9") double basicallySatisfiedWeight) {

	public static final InsightsProperties DEFAULTS = new InsightsProperties(0.1, 0.5, 0.4, 0.9);

	public InsightsProperties {
		if (contactWeight < 0 || resolutionWeight < 0 || satisfactionWeight < 0
				|| contactWeight + resolutionWeight + satisfactionWeight <= 0) {
			throw new IllegalArgumentException("oneweek.insights weights must be non-negative, not all zero");
		}
		if (basicallySatisfiedWeight < 0 || basicallySatisfiedWeight > 1) {
			throw new IllegalArgumentException("oneweek.insights.basically-satisfied-weight must be 0 to 1");
		}
	}

}
