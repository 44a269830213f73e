package org.oneweek.platform;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The one cache manager: only the caches {@link Caches} makes from their specs, none
	 * on demand (an unnamed cache would be unbounded).
	 */
	@Bean
	CaffeineCacheManager cacheManager() {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setCacheNames(List.of());
		manager.setAllowNullValues(false);
		return manager;
	}

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
