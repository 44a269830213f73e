package org.oneweek.transparency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseEvent;

/**
 * The commitment a leaf carries instead of an event's private fields: HMAC-SHA256 under
 * the event's own key, which is HMAC-SHA256(case secret, "oneweek-case-event-key/1\n" ||
 * seq), of the canonical JSON of {@code {"actorId", "actorName", "data", "reason"}} (keys
 * sorted at every level, no spaces, numbers as written, strings escaped only where JSON
 * must). The public learns nothing from it; whoever holds the event can show it was
 * logged by revealing the event's key (one event, not the case's secret) and its fields.
 */
public final class PrivateFields {

	private PrivateFields() {
	}

	/** The key of one event's commitment. */
	public static byte[] eventKey(byte[] caseSecret, int seq) {
		return hmac(caseSecret, ("oneweek-case-event-key/1\n" + seq).getBytes(StandardCharsets.UTF_8));
	}

	public static byte[] commitment(byte[] eventKey, CaseEvent event) {
		return hmac(eventKey, canonical(event));
	}

	/** The private fields of an event, canonically encoded. */
	public static byte[] canonical(CaseEvent event) {
		Map<String, @Nullable Object> fields = new TreeMap<>();
		fields.put("actorId", (event.actorId() != null) ? event.actorId().value() : null);
		fields.put("actorName", event.actorName());
		fields.put("data", event.data());
		fields.put("reason", event.reason());
		StringBuilder out = new StringBuilder();
		write(fields, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(@Nullable Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean b) {
			out.append(b);
		}
		else if (value instanceof BigDecimal d) {
			out.append(d.toPlainString());
		}
		else if (value instanceof Number n) {
			out.append(n);
		}
		else if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> e : sorted.entrySet()) {
				out.append(first ? "" : ",");
				first = false;
				string(e.getKey(), out);
				out.append(':');
				write(e.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object v : list) {
				out.append(first ? "" : ",");
				first = false;
				write(v, out);
			}
			out.append(']');
		}
		else {
			string(String.valueOf(value), out);
		}
	}

	private static void string(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
	}

	static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
