package org.oneweek.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database that nearly every request needs and that change a few
 * times a week (villages, the published roster): kept for a few seconds in a Spring
 * {@link Cache} (Caffeine, bounded and expiring: {@link Caches}). The module that owns
 * the data calls {@link #changed()} when it writes it, so this instance sees its own
 * changes at once; another instance on the same database sees them within the time to
 * live.
 * <p>
 * A value read while a change was being written is not kept: {@code changed()} clears the
 * cache at once and again after the writing transaction commits, and a value whose
 * reading began before a clear is returned but not stored. That guard is why the modules
 * read through this class rather than through {@code @Cacheable}, which stores whatever
 * its method returned.
 *
 * @param <K> the key
 * @param <V> the value: {@code Optional} to keep "not found" too; a loader's {@code null}
 * is returned but not kept (the next request reads again)
 */
public final class ReadCache<K, V> {

	/** The size of a cache made without {@link Caches} (tests, tools). */
	private static final int MAX_ENTRIES = 20_000;

	private final Cache cache;

	private final AtomicLong generation = new AtomicLong();

	/** A cache of its own keeping values for the given time; zero keeps nothing. */
	public ReadCache(Duration ttl) {
		this(new CaffeineCache("read-cache",
				Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).build(), false));
	}

	/** Reading through a named cache of the application's ({@link Caches}). */
	ReadCache(Cache cache) {
		this.cache = cache;
	}

	/**
	 * The value for the key, read with the loader if it is not kept or too old; a
	 * {@code null} from the loader is not kept.
	 */
	@SuppressWarnings("unchecked")
	public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> loader) {
		Cache.ValueWrapper kept = this.cache.get(key);
		if (kept != null) {
			return (V) kept.get();
		}
		long before = this.generation.get();
		V value = loader.apply(key);
		if (value != null && this.generation.get() == before) {
			this.cache.put(key, value);
		}
		return value;
	}

	/** A value kept by {@link #getRefreshing}, with when its reading began. */
	private record Kept(Object value, long readAt) {

	}

	private static final Logger log = LoggerFactory.getLogger(ReadCache.class);

	/** The reads ahead of every refreshing cache, one at a time. */
	private static final Executor REFRESHER = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "read-cache-refresh");
		t.setDaemon(true);
		return t;
	});

	private final ConcurrentHashMap<Object, Boolean> refreshing = new ConcurrentHashMap<>();

	/**
	 * The value for the key as {@link #get} gives it, but read again in the background
	 * once it is older than {@code refresh}, the request that finds it so getting the
	 * value kept meanwhile (not older than the cache's expiry, after which it is read in
	 * the request as by {@code get}): for a value that is long to read (a province's
	 * 20,000 villages) and asked by every request, so that no request waits for it after
	 * the first. The guard against a change written meanwhile is {@code get}'s.
	 */
	@SuppressWarnings("unchecked")
	public @Nullable V getRefreshing(K key, Function<? super K, ? extends @Nullable V> loader, Duration refresh) {
		Cache.ValueWrapper wrapper = this.cache.get(key);
		if (wrapper != null && wrapper.get() instanceof Kept kept) {
			if (System.nanoTime() - kept.readAt() > refresh.toNanos()
					&& this.refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
				try {
					REFRESHER.execute(() -> {
						try {
							read(key, loader);
						}
						catch (RuntimeException ex) {
							// the value kept stays until it expires
							log.warn("Reading ahead of the cache failed: {}", ex.toString());
						}
						finally {
							this.refreshing.remove(key);
						}
					});
				}
				catch (RuntimeException ex) {
					this.refreshing.remove(key);
					throw ex;
				}
			}
			return (V) kept.value();
		}
		return read(key, loader);
	}

	private @Nullable V read(K key, Function<? super K, ? extends @Nullable V> loader) {
		long before = this.generation.get();
		long at = System.nanoTime();
		V value = loader.apply(key);
		if (value != null && this.generation.get() == before) {
			this.cache.put(key, new Kept(value, at));
		}
		return value;
	}

	/**
	 * Forgets everything, now and, when called inside a transaction, again after it
	 * commits or rolls back.
	 */
	public void changed() {
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}

	private void clear() {
		this.generation.incrementAndGet();
		this.cache.invalidate();
	}

}
