package org.oneweek.reconciliation.internal;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseSource;
import org.oneweek.reconciliation.Twins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Computes a new case's embedding after its intake has committed, on a thread of its own,
 * so an intake waits for nothing (the listener only hands the id over). It listens after
 * completion rather than through the event publication registry, which would write rows
 * with every intake; a case whose intake rolled back is simply not found, and an id lost
 * in a restart or a full queue gets its embedding when a reconciliation first needs it. A
 * request that arrived through Open311, with nobody there to ask whether it is one of the
 * village's open cases, gets its look-alikes kept for the committee's review
 * ({@link Twins}). The model is warmed in the background when the application is ready.
 */
@Component
class EmbeddingWorker {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

	private final WeekItems items;

	private final EmbeddingStore store;

	private volatile boolean enabled;

	private final boolean warm;

	/** The share of one core the thread may use (the rest of the time it rests). */
	private final double share;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(2_000), (runnable) -> {
				Thread thread = new Thread(runnable, "reconciliation-embeddings");
				thread.setDaemon(true);
				thread.setPriority(Thread.MIN_PRIORITY);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	private final Twins twins;

	private final Clock clock;

	/** How long no case must have been recorded before the thread embeds (a lull). */
	private final long lullNanos;

	/** The longest the thread waits for a lull before it embeds one case anyway. */
	private static final long MOST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** When the last case was recorded on this instance ({@link System#nanoTime()}). */
	private volatile long lastArrival = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

	EmbeddingWorker(WeekItems items, EmbeddingStore store, Twins twins, Clock clock,
			@Value("${oneweek.reconciliation.embed-after-record:true}") boolean enabled,
			@Value("${oneweek.reconciliation.warm-model:true}") boolean warm,
			@Value("${oneweek.reconciliation.worker-share:0.1}") double share,
			@Value("${oneweek.reconciliation.worker-lull:PT0.5S}") java.time.Duration lull) {
		this.share = Math.max(0.01, Math.min(1, share));
		this.lullNanos = Math.max(0, lull.toNanos());
		this.items = items;
		this.twins = twins;
		this.clock = clock;
		this.store = store;
		this.enabled = enabled;
		this.warm = warm;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warm() {
		if (warm) {
			SentenceModel.warm();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(CaseRecorded recorded) {
		if (enabled) {
			lastArrival = System.nanoTime();
			executor.execute(() -> embed(recorded));
		}
	}

	private void embed(CaseRecorded recorded) {
		awaitLull();
		long start = System.nanoTime();
		try {
			items.caseItem(recorded.caseId()).ifPresent(store::ensure);
			if (recorded.source() == CaseSource.OPEN311) {
				// nobody was there to ask "is it one of these?": the answer is kept for
				// the committee's review
				twins.suggest(recorded.caseId(), clock.instant());
			}
		}
		catch (RuntimeException ex) {
			log.warn("No embedding for case {} yet: {}", recorded.caseId(), ex.toString());
		}
		rest(System.nanoTime() - start);
	}

	/**
	 * Waits until no case has been recorded for the lull, so that the model runs between
	 * intakes, not during them: under a flood of intakes it waits (at most
	 * {@link #MOST_WAIT_NANOS} a case, so that it is never starved for good), and what
	 * the full queue drops is computed when first needed.
	 */
	private void awaitLull() {
		long waitedSince = System.nanoTime();
		try {
			while (true) {
				long now = System.nanoTime();
				long quietFor = now - lastArrival;
				if (quietFor >= lullNanos || now - waitedSince >= MOST_WAIT_NANOS) {
					return;
				}
				TimeUnit.NANOSECONDS.sleep(lullNanos - quietFor);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Rests after an item so that the thread uses at most its share of one core: Java's
	 * thread priority is ignored on Linux, and under a flood of intakes an unpaced thread
	 * would take a core from the requests. What a full queue drops is computed when first
	 * needed.
	 */
	private void rest(long busyNanos) {
		if (share >= 1) {
			return;
		}
		long pause = (long) (busyNanos * (1 - share) / share);
		try {
			TimeUnit.NANOSECONDS.sleep(Math.min(pause, TimeUnit.SECONDS.toNanos(5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * On shutdown the ids still waiting are dropped: they are computed when next needed.
	 */
	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/** Turns the worker on or off (a test turns it on in a context that has it off). */
	void enable(boolean on) {
		this.enabled = on;
	}

}
