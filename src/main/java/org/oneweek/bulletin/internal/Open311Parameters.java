package org.oneweek.bulletin.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.Coordinates;
import org.oneweek.platform.web.BoundedDates;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request's parameters as another system sent them, read as GeoReport v2 says: the
 * first value of each, blank as absent, and every limit broken answered with an
 * {@link Open311Exception} that names the parameter.
 */
public record Open311Parameters(MultiValueMap<String, String> values) {

	/** At most this many requests in an answer, and values in one parameter. */
	static final int MAX_RESULTS = 1000;

	/** The servlet's parameters, as they came. */
	public static Open311Parameters of(Map<String, String[]> parameters) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		parameters.forEach((k, v) -> values.put(k, Arrays.asList(v)));
		return new Open311Parameters(values);
	}

	/** The first value as sent, blank or not. */
	public @Nullable String first(String name) {
		return this.values.getFirst(name);
	}

	/** The value stripped, null when blank; longer than {@code max} is refused. */
	@Nullable String text(String name, int max) {
		String value = first(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " is longer than " + max + " characters.");
		}
		return value.strip();
	}

	/** A comma-separated list, without empty values. */
	List<String> csv(String name) {
		return split(first(name));
	}

	/** status: open, closed, both (null) or neither (null). */
	@Nullable Boolean closed() {
		List<String> values = csv("status");
		boolean open = false;
		boolean closed = false;
		for (String value : values) {
			switch (value.toLowerCase(Locale.ROOT)) {
				case "open" -> open = true;
				case "closed" -> closed = true;
				default -> throw new Open311Exception(HttpStatus.BAD_REQUEST, "status must be open or closed.");
			}
		}
		return (open == closed) ? null : Boolean.valueOf(closed);
	}

	/**
	 * A w3 date and time; without an offset it is the district's; a day alone starts at
	 * midnight, or ends at the next one when {@code endOfDay}.
	 */
	@Nullable Instant date(String name, boolean endOfDay, ZoneId zone) {
		String text = first(name);
		if (text == null || text.isBlank()) {
			return null;
		}
		Instant instant = parse(name, text.strip(), endOfDay, zone);
		if (!BoundedDates.withinRange(instant)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " must be a date between the years "
					+ BoundedDates.FIRST_YEAR + " and " + BoundedDates.LAST_YEAR + ".");
		}
		return instant;
	}

	private static Instant parse(String name, String value, boolean endOfDay, ZoneId zone) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the shorter forms below
		}
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try a date alone
		}
		try {
			LocalDate day = LocalDate.parse(value);
			return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					name + " is not a date and time in the w3 format (e.g. 2026-03-02T00:00:00+08:00).");
		}
	}

	/** lat and long as a point, or null when neither is given. */
	@Nullable Coordinates coordinates() {
		String position = position();
		if (position == null) {
			return null;
		}
		String[] parts = position.split(",");
		return new Coordinates(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
	}

	/**
	 * Degrees as Open311 writes them: a number with at most six decimals (about 10 cm).
	 */
	static BigDecimal degrees(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.scale() < 0) ? rounded.setScale(0) : rounded;
	}

	/** lat and long together, each a number in its range; or neither. */
	@Nullable String position() {
		String lat = first("lat");
		String lon = first("long");
		boolean hasLat = lat != null && !lat.isBlank();
		boolean hasLong = lon != null && !lon.isBlank();
		if (!hasLat && !hasLong) {
			return null;
		}
		if (hasLat != hasLong) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long must be given together.");
		}
		BigDecimal latitude = number(lat, "lat", 90);
		BigDecimal longitude = number(lon, "long", 180);
		return latitude.toPlainString() + "," + longitude.toPlainString();
	}

	private static List<String> split(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> values = Arrays.stream(text.split(",")).map(String::strip).filter((v) -> !v.isEmpty()).toList();
		if (values.size() > MAX_RESULTS) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "Too many values in one parameter.");
		}
		return values;
	}

	/** A code as sent, shortened for an error's text. */
	static String abbreviate(String text) {
		String value = text.strip();
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	private static BigDecimal number(String text, String name, int limit) {
		try {
			String value = text.strip();
			if (value.length() > 20 || !value.matches("^[+-]?\\d{1,3}(\\.\\d{1,12})?$")) {
				throw new NumberFormatException(name);
			}
			BigDecimal number = new BigDecimal(value);
			if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
				throw new NumberFormatException(name);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					name + " is not a decimal degree between -" + limit + " and " + limit + ".");
		}
	}

}
