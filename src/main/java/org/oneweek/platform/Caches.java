package org.oneweek.platform;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.stereotype.Component;

/**
 * The in-memory copies the modules keep, as named caches of Spring's cache abstraction
 * over Caffeine: each bounded and expiring as {@code oneweek.cache.specs.<name>} says in
 * application.properties (a Caffeine spec, e.g.
 * {@code maximumSize=20000,expireAfterWrite=5s}), listed by the one {@code CacheManager},
 * and measured by Micrometer ({@code cache_gets}, {@code cache_puts},
 * {@code cache_evictions}, {@code cache_size} at {@code /actuator/prometheus}, tagged
 * with the cache's name).
 */
@Component
public class Caches {

	/**
	 * @param specs the Caffeine spec of each named cache; statistics are always recorded
	 */
	@ConfigurationProperties("oneweek.cache")
	public record Settings(Map<String, String> specs) {

		public Settings {
			specs = (specs == null) ? Map.of() : Map.copyOf(specs);
		}

	}

	/**
	 * The tag Spring Boot's own cache metrics carry, so that both name the same meters.
	 */
	private static final String MANAGER = "cacheManager";

	private final CaffeineCacheManager manager;

	private final Settings settings;

	private final MeterRegistry registry;

	Caches(CaffeineCacheManager manager, Settings settings, MeterRegistry registry) {
		this.manager = manager;
		this.settings = settings;
		this.registry = registry;
	}

	/** A read-through copy kept in the named cache, as its spec says. */
	public <K, V> ReadCache<K, V> readCache(String name) {
		return new ReadCache<>(cache(name, null));
	}

	/**
	 * A read-through copy kept in the named cache for the module's own time to live (a
	 * setting the module documents), its size as the spec says.
	 */
	public <K, V> ReadCache<K, V> readCache(String name, Duration ttl) {
		return new ReadCache<>(cache(name, ttl));
	}

	/** The named cache, made once. */
	public synchronized Cache cache(String name, @Nullable Duration ttl) {
		Cache known = manager.getCache(name);
		if (known != null) {
			return known;
		}
		String spec = settings.specs().get(name);
		if (spec == null) {
			throw new IllegalStateException("oneweek.cache.specs." + name + " is not set: every cache is bounded");
		}
		Caffeine<Object, Object> builder = Caffeine.from(spec).recordStats();
		if (ttl != null) {
			builder.expireAfterWrite(ttl);
		}
		com.github.benmanes.caffeine.cache.Cache<Object, Object> store = builder.build();
		manager.registerCustomCache(name, store);
		CaffeineCacheMetrics.monitor(registry, store, name, "cache.manager", MANAGER);
		return manager.getCache(name);
	}

}
