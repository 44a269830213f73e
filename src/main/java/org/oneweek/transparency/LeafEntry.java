package org.oneweek.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One leaf of the log: a case event's public fields and the commitment to its private
 * ones, in a canonical, versioned encoding (UTF-8, one field a line, in this order, each
 * line ending in a newline):
 *
 * <pre>
 * oneweek-case-event/1
 * case QX-2026-00001
 * seq 3
 * kind ASSIGNED
 * at 2026-12-03T02:15:00.123456Z
 * from RECEIVED
 * to ASSIGNED
 * public true
 * private 3q2+7w...=
 * </pre>
 *
 * {@code from} and {@code to} are {@code -} when the event changed no state; {@code at}
 * is UTC with exactly six decimals, rounded half up (as the database keeps it);
 * {@code private} is the base64 HMAC-SHA256 of the event's private fields (who acted, the
 * reason, the data: texts, amounts, assignees, the villager's words) under a key derived
 * from the case's secret ({@code PrivateFields}). The bytes are the leaf: its hash is
 * SHA-256(0x00 || bytes).
 */
public record LeafEntry(String reference, int seq, String kind, Instant at, @Nullable String from, @Nullable String to,
		boolean isPublic, byte[] commitment) {

	/** The first line: the encoding and its version. */
	public static final String VERSION = "oneweek-case-event/1";

	private static final Pattern FORMAT = Pattern.compile("""
			oneweek-case-event/1
			case ([A-Z0-9][A-Z0-9-]{0,39})
			seq ([1-9][0-9]{0,8})
			kind ([A-Z_]{1,40})
			at ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z)
			from (-|[A-Z_]{1,40})
			to (-|[A-Z_]{1,40})
			public (true|false)
			private ([A-Za-z0-9+/]{43}=)
			""");

	public LeafEntry {
		at = toMicros(at);
		commitment = commitment.clone();
		if (commitment.length != 32) {
			throw new IllegalArgumentException("a commitment is 32 bytes");
		}
	}

	@Override
	public byte[] commitment() {
		return commitment.clone();
	}

	public byte[] encode() {
		String text = VERSION + "\n" + "case " + reference + "\n" + "seq " + seq + "\n" + "kind " + kind + "\n" + "at "
				+ micros(at) + "\n" + "from " + ((from != null) ? from : "-") + "\n" + "to " + ((to != null) ? to : "-")
				+ "\n" + "public " + isPublic + "\n" + "private " + Base64.getEncoder().encodeToString(commitment)
				+ "\n";
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (!FORMAT.matcher(text).matches()) {
			throw new IllegalArgumentException("not a canonical leaf: " + text);
		}
		return bytes;
	}

	/** The leaf's hash, as it is in the tree. */
	public byte[] leafHash() {
		return Merkle.leafHash(encode());
	}

	/**
	 * Reads a leaf's bytes.
	 * @throws IllegalArgumentException when they are not a canonical leaf of this version
	 */
	public static LeafEntry parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		Matcher m = FORMAT.matcher(text);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a leaf of " + VERSION);
		}
		try {
			LeafEntry entry = new LeafEntry(m.group(1), Integer.parseInt(m.group(2)), m.group(3),
					Instant.parse(m.group(4)), dash(m.group(5)), dash(m.group(6)), Boolean.parseBoolean(m.group(7)),
					Base64.getDecoder().decode(m.group(8)));
			if (!java.util.Arrays.equals(entry.encode(), bytes)) {
				throw new IllegalArgumentException("not a canonical leaf");
			}
			return entry;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a leaf: bad time", ex);
		}
	}

	private static @Nullable String dash(String s) {
		return "-".equals(s) ? null : s;
	}

	/**
	 * The time as the database keeps it: rounded to the microsecond, half up, as the
	 * PostgreSQL driver rounds a timestamp's nanoseconds.
	 */
	static Instant toMicros(Instant at) {
		return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
	}

	private static String micros(Instant at) {
		String s = toMicros(at).toString();
		// Instant.toString drops trailing zero groups: make it always six decimals
		int dot = s.indexOf('.');
		String seconds = (dot < 0) ? s.substring(0, s.length() - 1) : s.substring(0, dot);
		String fraction = (dot < 0) ? "" : s.substring(dot + 1, s.length() - 1);
		return seconds + "." + (fraction + "000000").substring(0, 6) + "Z";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LeafEntry other && java.util.Arrays.equals(encode(), other.encode());
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(encode());
	}

	@Override
	public String toString() {
		return new String(encode(), StandardCharsets.UTF_8);
	}

}
