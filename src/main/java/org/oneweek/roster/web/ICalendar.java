package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) feed: all-day events, text escaped, lines folded at 75
 * octets without splitting a character.
 */
final class ICalendar {

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	private final Instant now;

	ICalendar(String name, Instant now) {
		this.now = now;
		line("BEGIN:VCALENDAR");
		line("VERSION:2.0");
		line("PRODID:-//oneweek//roster//ZH");
		line("CALSCALE:GREGORIAN");
		line("METHOD:PUBLISH");
		line("X-WR-CALNAME:" + escape(name));
		line("X-PUBLISHED-TTL:PT1H");
		line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
	}

	/** An event from the first day to the last day, both included. */
	ICalendar event(String uid, int sequence, LocalDate first, LocalDate last, String summary, String description,
			String location) {
		line("BEGIN:VEVENT");
		line("UID:" + escape(uid));
		line("SEQUENCE:" + sequence);
		line("DTSTAMP:" + STAMP.format(now));
		line("DTSTART;VALUE=DATE:" + DATE.format(first));
		line("DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
		line("SUMMARY:" + escape(summary));
		line("DESCRIPTION:" + escape(description));
		line("LOCATION:" + escape(location));
		line("TRANSP:TRANSPARENT");
		line("END:VEVENT");
		return this;
	}

	String end() {
		line("END:VCALENDAR");
		return out.toString();
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	private void line(String line) {
		// fold at 75 octets; a continuation line starts with a space that counts
		int limit = 75;
		int start = 0;
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append(line, start, i).append("\r\n ");
				start = i;
				octets = 1;
			}
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(line, start, line.length()).append("\r\n");
	}

}
