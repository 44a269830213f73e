package org.oneweek.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database that nearly every request needs and that change a few
 * times a week (villages, the published roster): kept for a few seconds. The module that
 * owns the data calls {@link #changed()} when it writes it, so this instance sees its own
 * changes at once; another instance on the same database sees them within the time to
 * live.
 * <p>
 * A value read while a change was being written is not kept: {@code changed()} clears the
 * cache at once and again after the writing transaction commits, and a value whose
 * reading began before a clear is returned but not stored.
 *
 * @param <K> the key
 * @param <V> the value: {@code Optional} to keep "not found" too; a loader's {@code null}
 * is returned but not kept (the next request reads again)
 */
public final class ReadCache<K, V> {

	private static final int MAX_ENTRIES = 20_000;

	private final long ttlNanos;

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	/** A cache keeping values for the given time; zero keeps nothing. */
	public ReadCache(Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	/**
	 * The value for the key, read with the loader if it is not kept or too old; a
	 * {@code null} from the loader is not kept.
	 */
	public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> loader) {
		if (this.ttlNanos <= 0) {
			return loader.apply(key);
		}
		long now = System.nanoTime();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && now - entry.readAt < this.ttlNanos) {
			return entry.value;
		}
		long before = this.generation.get();
		V value = loader.apply(key);
		if (value != null && this.generation.get() == before) {
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(value, now));
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
		this.entries.clear();
	}

	private record Entry<V>(V value, long readAt) {

	}

}
