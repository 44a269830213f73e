package org.oneweek.bulletin.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.oneweek.platform.Digests;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BulletinProperties;
import org.springframework.stereotype.Component;

/**
 * Rendered boards, kept for a moment so that a board read by a whole village at once is
 * rendered once, not once per phone. An entry is rendered again after
 * {@link BulletinProperties#boardFreshFor()}, or at once when this instance hears of a
 * change in the village; nothing here is state of record (that is in the database).
 */
@Component
public class BoardCache {

	/** A rendered page and its entity tag (a hash of its bytes). */
	public record Rendered(long villageId, byte[] body, String etag, long renderedAtNanos) {

	}

	private final Map<String, Rendered> entries = new ConcurrentHashMap<>();

	/** The headers a board was answered with (besides its tag and length), by key. */
	private final Map<String, Map<String, List<String>>> headers = new ConcurrentHashMap<>();

	/** The keys being rendered again right now. */
	private final Set<String> rendering = ConcurrentHashMap.newKeySet();

	private final long freshNanos;

	BoardCache(BulletinProperties properties) {
		this.freshNanos = properties.boardFreshFor().toNanos();
	}

	/**
	 * The cached page under the key, or a fresh one. When the page has gone stale, one
	 * request renders it again while the others keep getting the stale copy, so that
	 * readers never wait for a rendering that is already under way.
	 */
	public Rendered get(String key, long villageId, Supplier<String> render) {
		Rendered current = entries.get(key);
		if (current != null && fresh(current)) {
			return current;
		}
		if (current != null) {
			if (!rendering.add(key)) {
				return current;
			}
			try {
				Rendered replaced = rendered(villageId, render.get());
				entries.put(key, replaced);
				return replaced;
			}
			finally {
				rendering.remove(key);
			}
		}
		// the first reader of a page renders it; the others wait for it and share it
		return entries.compute(key, (k, old) -> (old != null && fresh(old)) ? old : rendered(villageId, render.get()));
	}

	/** The page under the key if it is fresh, with the headers it was answered with. */
	public @Nullable Answer fresh(String key) {
		Rendered current = entries.get(key);
		Map<String, List<String>> answered = headers.get(key);
		return (current != null && answered != null && fresh(current)) ? new Answer(current, answered) : null;
	}

	/** Remembers the headers a page was answered with, to answer the same way again. */
	public void answered(String key, String etag, Map<String, List<String>> answeredWith) {
		Rendered current = entries.get(key);
		if (current != null && current.etag().equals(etag)) {
			headers.put(key, Map.copyOf(answeredWith));
		}
	}

	/** A cached page and the headers to answer with. */
	public record Answer(Rendered rendered, Map<String, List<String>> headers) {

	}

	/** The page under the key, fresh or stale, if there is one. */
	public @Nullable Rendered known(String key) {
		return entries.get(key);
	}

	/**
	 * Marks the village's pages (in every language) stale: the next reader renders them
	 * again.
	 */
	public void evictVillage(long villageId) {
		entries.replaceAll((key, r) -> (r.villageId() == villageId)
				? new Rendered(r.villageId(), r.body(), r.etag(), r.renderedAtNanos() - freshNanos - 1) : r);
	}

	private boolean fresh(Rendered rendered) {
		return System.nanoTime() - rendered.renderedAtNanos() < freshNanos;
	}

	private static Rendered rendered(long villageId, String html) {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		return new Rendered(villageId, body, "\"" + sha256(body) + "\"", System.nanoTime());
	}

	private static String sha256(byte[] bytes) {
		return Digests.sha256Hex(bytes).substring(0, 32);
	}

}
