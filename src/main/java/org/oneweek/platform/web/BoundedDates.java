package org.oneweek.platform.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

/**
 * Dates from requests ({@code @DateTimeFormat}) as Spring reads them, but only within the
 * years people work in ({@link #FIRST_YEAR}–{@link #LAST_YEAR}): ISO dates allow year one
 * billion, the database's timestamps stop at year 294276, and nobody means either. A date
 * outside is a value that does not convert, refused (or ignored, where a form ignores
 * what does not convert) like any other malformed value.
 */
public final class BoundedDates implements AnnotationFormatterFactory<DateTimeFormat> {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2999;

	private final Jsr310DateTimeFormatAnnotationFormatterFactory iso = new Jsr310DateTimeFormatAnnotationFormatterFactory();

	@Override
	public Set<Class<?>> getFieldTypes() {
		return iso.getFieldTypes();
	}

	@Override
	public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
		return iso.getPrinter(annotation, fieldType);
	}

	@Override
	public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
		Parser<?> parser = iso.getParser(annotation, fieldType);
		return (text, locale) -> {
			Object value = parser.parse(text, locale);
			if (!withinRange(value)) {
				throw new ParseException("date out of range: " + text, 0);
			}
			return value;
		};
	}

	/** Whether a date or time (of any java.time kind) falls within the years allowed. */
	public static boolean withinRange(Object value) {
		Integer year = null;
		if (value instanceof Instant instant) {
			year = instant.atOffset(ZoneOffset.UTC).getYear();
		}
		else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
			year = temporal.get(ChronoField.YEAR);
		}
		return year == null || (year >= FIRST_YEAR && year <= LAST_YEAR);
	}

	/** Whether a day falls within the years allowed. */
	public static boolean withinRange(LocalDate day) {
		return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
	}

}
