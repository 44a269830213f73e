package org.oneweek.platform;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.places.Places;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The in-memory copies are Spring caches over Caffeine, each bounded as
 * application.properties says and measured at /actuator/prometheus.
 */
@OneweekTest
class CachesTest {

	@Autowired
	CacheManager manager;

	@Autowired
	Caches caches;

	@Autowired
	Places places;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void everyCopyIsANamedBoundedCacheOfTheCacheManager() {
		assertThat(manager.getCacheNames()).containsAll(Set.of("places-districts", "places-townships",
				"places-villages", "roster-weeks", "api-tokens", "text-words", "transparency-nodes",
				"casework-categories", "casework-deadline-rules", "casework-working-days"));
		for (String name : manager.getCacheNames()) {
			CaffeineCache cache = (CaffeineCache) manager.getCache(name);
			assertThat(cache.getNativeCache().policy().eviction()).as(name + " is bounded").isPresent();
		}
		assertThat(((CaffeineCache) manager.getCache("places-villages")).getNativeCache()
			.policy()
			.expireAfterWrite()
			.orElseThrow()
			.getExpiresAfter()).hasSeconds(5);
		// no cache is made on demand: an unnamed one would have no bound
		assertThat(manager.getCache("no-such-cache")).isNull();
		assertThatThrownBy(() -> caches.readCache("no-such-cache")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("oneweek.cache.specs.no-such-cache");
	}

	@Test
	void aVillageReadTwiceIsReadOnceAndTheMetricsSayItAtPrometheus() throws Exception {
		VillageId village = VillageId.of(fixtures.villageId("DJ"));
		places.village(village);
		places.village(village);
		String metrics = mvc.perform(get("/actuator/prometheus").with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(metrics)
			.containsPattern("cache_gets_total\\{[^}]*cache=\"places-villages\"[^}]*result=\"hit\"[^}]*\\} [1-9]")
			.contains("cache_size{", "cache=\"roster-weeks\"", "cache=\"text-words\"", "cache_puts_total{",
					"cache_evictions_total{");
	}

}
