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
	void aRefreshingValueIsReadAgainInTheBackgroundWhileTheKeptOneIsServed() throws Exception {
		ReadCache<String, String> cache = new ReadCache<>(Duration.ofSeconds(2));
		Duration refresh = Duration.ofMillis(100);
		assertThat(cache.getRefreshing("a", this::read, refresh)).isEqualTo("a#1");
		assertThat(cache.getRefreshing("a", this::read, refresh)).isEqualTo("a#1");
		Thread.sleep(150);
		// older than the refresh: the kept one now, the new one read beside
		java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		assertThat(cache.getRefreshing("a", (key) -> {
			reading.countDown();
			await(release);
			return read(key);
		}, refresh)).isEqualTo("a#1");
		assertThat(reading.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		// one read ahead at a time: the requests meanwhile get the kept one
		assertThat(cache.getRefreshing("a", this::read, refresh)).isEqualTo("a#1");
		assertThat(this.reads.get()).isEqualTo(1);
		release.countDown();
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!"a#2".equals(cache.getRefreshing("a", this::read, Duration.ofMinutes(1)))
				&& System.nanoTime() < until) {
			Thread.sleep(10);
		}
		assertThat(cache.getRefreshing("a", this::read, Duration.ofMinutes(1))).isEqualTo("a#2");
		// a change is seen at once, and a read ahead begun before it is not kept
		Thread.sleep(150);
		java.util.concurrent.CountDownLatch late = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		assertThat(cache.getRefreshing("a", (key) -> {
			started.countDown();
			await(late);
			return "stale";
		}, refresh)).isEqualTo("a#2");
		assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		cache.changed();
		assertThat(cache.getRefreshing("a", this::read, Duration.ofMinutes(1))).isEqualTo("a#3");
		late.countDown();
		Thread.sleep(100);
		assertThat(cache.getRefreshing("a", this::read, Duration.ofMinutes(1))).isEqualTo("a#3");
		// past the cache's expiry it is read in the request
		Thread.sleep(2100);
		assertThat(cache.getRefreshing("a", this::read, refresh)).isEqualTo("a#4");
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
