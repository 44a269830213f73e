package org.oneweek.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Clients that record cases through {@code POST /api/v1/cases}, each case with an
 * Idempotency-Key of its own, as a careful client does: a request without an answer (a
 * reset connection, a 5xx, a timeout) is sent again with the same key until it is
 * answered 201, and only then is the case acknowledged. Every tenth acknowledged case is
 * sent once more, which must answer the same case again ({@code Idempotency-Replayed}).
 * The clients pause between requests so that the load stays small on a shared machine.
 */
final class IntakeLoad implements AutoCloseable {

	/** A case the application acknowledged (201) under its key. */
	record Ack(String key, String reference, long atNanos, int attempts) {

	}

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String marker;

	private final long villageId;

	private final Duration pause;

	private volatile URI base;

	private volatile boolean running = true;

	private volatile long drainUntil = Long.MAX_VALUE;

	private final List<Thread> threads = new ArrayList<>();

	final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

	/** Keys sent but never acknowledged before the clients stopped. */
	final ConcurrentLinkedQueue<String> unresolved = new ConcurrentLinkedQueue<>();

	/**
	 * Answers that are wrong whatever happened to the server (4xx, a replay of another
	 * case).
	 */
	final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

	final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	final AtomicLong replaysChecked = new AtomicLong();

	/**
	 * Cases recorded by a try whose answer was lost (the process killed after the
	 * commit), answered when sent again as the case that try recorded.
	 */
	final AtomicLong recordedBeforeTheAnswerWasLost = new AtomicLong();

	/**
	 * @param headers per client, the headers that authenticate its requests (read before
	 * each request, so they may change)
	 */
	IntakeLoad(URI base, String marker, long villageId, Duration pause, List<Supplier<Map<String, String>>> headers) {
		this.base = base;
		this.marker = marker;
		this.villageId = villageId;
		this.pause = pause;
		for (int i = 0; i < headers.size(); i++) {
			int client = i;
			Thread thread = new Thread(() -> run(client, headers.get(client)), "intake-" + marker + "-" + i);
			thread.setDaemon(true);
			threads.add(thread);
		}
		threads.forEach(Thread::start);
	}

	void retarget(URI base) {
		this.base = base;
	}

	int acknowledged() {
		return acks.size();
	}

	/**
	 * Waits until at least {@code count} more cases are acknowledged, at most
	 * {@code timeout}.
	 */
	boolean awaitMore(int count, Duration timeout) throws InterruptedException {
		int target = acks.size() + count;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (acks.size() < target && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return acks.size() >= target;
	}

	/**
	 * Stops the clients after the case each is sending: those keep retrying for at most
	 * {@code drain}.
	 */
	void stop(Duration drain) throws InterruptedException {
		drainUntil = System.nanoTime() + drain.toNanos();
		running = false;
		for (Thread thread : threads) {
			thread.join(drain.toMillis() + 40_000);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (running) {
			stop(Duration.ofSeconds(30));
		}
	}

	private void run(int client, Supplier<Map<String, String>> headers) {
		for (int n = 1; running; n++) {
			String key = marker + "-" + client + "-" + n;
			String body = """
					{"villageId": %d, "source": "MORNING_MEETING", "type": "HELP", "category": "SANITATION",
					 "urgency": "NORMAL", "title": "故障演练 %s", "description": "河边垃圾点满了，两车都拉不完",
					 "location": "河堤东段", "reporterName": "李建国", "reporterPhone": "13900001111"}""".formatted(villageId,
					key);
			int attempts = 0;
			String reference = null;
			while (reference == null && (running || System.nanoTime() < drainUntil)) {
				attempts++;
				reference = send(key, body, headers.get(), false);
				if (reference == null) {
					sleep(Duration.ofMillis(100));
				}
				else if (reference.isEmpty()) {
					// refused for good (recorded in wrong): this key is not retried
					break;
				}
			}
			if (reference == null) {
				unresolved.add(key);
				return;
			}
			if (reference.isEmpty()) {
				continue;
			}
			acks.add(new Ack(key, reference, System.nanoTime(), attempts));
			if (n % 10 == 0) {
				String again = null;
				for (int i = 0; again == null && i < 50 && (running || System.nanoTime() < drainUntil); i++) {
					again = send(key, body, headers.get(), true);
					if (again == null) {
						sleep(Duration.ofMillis(100));
					}
				}
				if (again != null) {
					replaysChecked.incrementAndGet();
					if (!reference.equals(again)) {
						wrong.add(key + " answered " + reference + ", then " + again + " when sent again");
					}
				}
			}
			sleep(pause);
		}
	}

	/**
	 * One request: the case's reference when answered 201, "" when refused for good, null
	 * when it must be sent again.
	 */
	private String send(String key, String body, Map<String, String> headers, boolean replay) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/cases"))
			.timeout(Duration.ofSeconds(40))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			count(Integer.toString(status));
			if (status == 201) {
				String location = response.headers().firstValue("Location").orElse("");
				String reference = location.substring(location.lastIndexOf('/') + 1);
				boolean replayed = "true".equals(response.headers().firstValue("Idempotency-Replayed").orElse(""));
				if (replay && !replayed) {
					wrong.add(key + " sent again was not answered as a replay");
				}
				if (!replay && replayed) {
					recordedBeforeTheAnswerWasLost.incrementAndGet();
				}
				return reference;
			}
			if (status >= 500) {
				return null;
			}
			wrong.add(key + " answered " + status + ": " + response.body());
			return "";
		}
		catch (IOException ex) {
			count(ex.getClass().getSimpleName());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
			drainUntil = 0;
			return null;
		}
	}

	private void count(String outcome) {
		outcomes.computeIfAbsent(outcome, (o) -> new AtomicLong()).incrementAndGet();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
