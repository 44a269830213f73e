package org.oneweek.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
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
