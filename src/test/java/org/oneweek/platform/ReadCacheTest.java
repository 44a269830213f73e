package org.oneweek.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheTest {

	private final AtomicInteger reads = new AtomicInteger();

	private String read(String key) {
		return key + "#" + this.reads.incrementAndGet();
	}

	@Test
	void keepsAValueForItsTimeToLive() throws Exception {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofMillis(200));
		assertThat(cache.get("a", this::read)).isEqualTo("a#1");
		assertThat(cache.get("a", this::read)).isEqualTo("a#1");
		assertThat(cache.get("b", this::read)).isEqualTo("b#2");
		Thread.sleep(250);
		assertThat(cache.get("a", this::read)).isEqualTo("a#3");
	}

	@Test
	void aZeroTimeToLiveKeepsNothing() {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ZERO);
		assertThat(cache.get("a", this::read)).isEqualTo("a#1");
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
	}

	@Test
	void aChangeIsSeenAtOnce() {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
		assertThat(cache.get("a", this::read)).isEqualTo("a#1");
		cache.changed();
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
	}

	@Test
	void aValueReadWhileAChangeIsWrittenIsNotKept() {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
		// the change happens while the value is being read: the old value is returned to
		// this reader but not kept for the next one
		assertThat(cache.get("a", (key) -> {
			String value = read(key);
			cache.changed();
			return value;
		})).isEqualTo("a#1");
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
	}

	@Test
	void aChangeInATransactionIsForgottenAgainWhenTheTransactionEnds() {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
		TransactionSynchronizationManager.initSynchronization();
		try {
			cache.changed();
			// another thread reads the old rows before the change commits, and keeps them
			assertThat(cache.get("a", this::read)).isEqualTo("a#1");
			assertThat(cache.get("a", this::read)).isEqualTo("a#1");
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			}
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
	}

	@Test
	void nothingReadIsNotKept() {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
		assertThat(cache.get("a", (key) -> {
			this.reads.incrementAndGet();
			return null;
		})).isNull();
		assertThat(cache.get("a", this::read)).isEqualTo("a#2");
	}

}
