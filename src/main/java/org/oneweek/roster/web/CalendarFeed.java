package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import biweekly.component.VEvent;
import biweekly.property.CalendarScale;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.util.DateTimeComponents;
import biweekly.util.Duration;
import biweekly.util.ICalDate;

/**
 * A member's calendar feed (RFC 5545), built and serialised by biweekly: escaping, value
 * types, the order of components and the specification's rules ({@link #validate}) are
 * the library's. Terms and duties are all-day events, so their dates carry no time zone;
 * the district's zone is named for the clients that show it. What stays ours is the
 * folding of long lines: the library folds at 75 characters, RFC 5545 §3.1 at 75 octets,
 * and a Chinese character takes three.
 */
final class CalendarFeed {

	/** Octets of a line before it is folded (RFC 5545 §3.1), the CRLF not counted. */
	static final int LINE_OCTETS = 75;

	private final ICalendar calendar = new ICalendar();

	CalendarFeed(String name, ZoneId zone) {
		calendar.setProductId("-//oneweek//roster//ZH");
		calendar.setCalendarScale(CalendarScale.gregorian());
		calendar.setMethod(Method.publish());
		calendar.setName(name);
		calendar.setRefreshInterval(new Duration.Builder().hours(1).build());
		// the names Apple's and Google's calendars read
		calendar.setExperimentalProperty("X-WR-CALNAME", name);
		calendar.setExperimentalProperty("X-WR-TIMEZONE", zone.getId());
		calendar.setExperimentalProperty("X-PUBLISHED-TTL", "PT1H");
	}

	/**
	 * An event from the first day to the last day, both included.
	 * @param uid the same for the same event in every answer, so that a client updates it
	 * rather than adding a twin
	 * @param sequence how often it changed: a client takes the higher one
	 * @param changed when it last changed (DTSTAMP)
	 */
	CalendarFeed event(String uid, int sequence, Instant changed, LocalDate first, LocalDate last, String summary,
			String description, String location) {
		VEvent event = new VEvent();
		event.setUid(uid);
		event.setSequence(sequence);
		event.setDateTimeStamp(Date.from(changed));
		event.setDateStart(new DateStart(day(first)));
		event.setDateEnd(new DateEnd(day(last.plusDays(1))));
		event.setSummary(summary);
		event.setDescription(description);
		event.setLocation(location);
		event.setTransparency(true);
		calendar.addEvent(event);
		return this;
	}

	/** What RFC 5545 finds wrong with the feed, as the library checks it. */
	ValidationWarnings validate() {
		return calendar.validate(ICalVersion.V2_0);
	}

	byte[] bytes() {
		return fold(Biweekly.write(calendar).version(ICalVersion.V2_0).foldLines(false).go())
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Folds each line at 75 octets without splitting a character. */
	static String fold(String unfolded) {
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
		for (String line : unfolded.split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
				if (octets + size > LINE_OCTETS) {
					// a continuation line starts with a space, which counts
					out.append("\r\n ");
					octets = 1;
				}
				out.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	/** An all-day date: the library writes it as VALUE=DATE, without a zone. */
	private static ICalDate day(LocalDate date) {
		return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
	}

}
