package org.oneweek.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: how secrets are kept (API tokens, calendar links, the setup
 * link, Open311 keys: only their digest is stored) and how content is fingerprinted
 * (ETags, poster editions, idempotent requests).
 */
public final class Digests {

	private Digests() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, 64 hex digits. */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of the bytes, 64 hex digits. */
	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
