package org.oneweek.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The district's clock: every "today" and "this week" comes from here, so tests can
	 * move time.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(OneweekProperties properties) {
		return Clock.system(properties.zone());
	}

}
