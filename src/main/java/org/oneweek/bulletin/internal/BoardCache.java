package org.oneweek.bulletin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

	private final long freshNanos;

	BoardCache(BulletinProperties properties) {
		this.freshNanos = properties.boardFreshFor().toNanos();
	}

	/** The cached page under the key, or a fresh one. */
	public Rendered get(String key, long villageId, Supplier<String> render) {
		Rendered current = entries.get(key);
		if (current != null && fresh(current)) {
			return current;
		}
		// one rendering per key at a time; the others wait for it and share it
		return entries.compute(key, (k, old) -> (old != null && fresh(old)) ? old : rendered(villageId, render.get()));
	}

	/** The cached page under the key, if it is still fresh. */
	public Rendered peek(String key) {
		Rendered current = entries.get(key);
		return (current != null && fresh(current)) ? current : null;
	}

	/** Forgets the village's pages (in every language). */
	public void evictVillage(long villageId) {
		entries.values().removeIf((r) -> r.villageId() == villageId);
	}

	private boolean fresh(Rendered rendered) {
		return System.nanoTime() - rendered.renderedAtNanos() < freshNanos;
	}

	private static Rendered rendered(long villageId, String html) {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		return new Rendered(villageId, body, "\"" + sha256(body) + "\"", System.nanoTime());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
