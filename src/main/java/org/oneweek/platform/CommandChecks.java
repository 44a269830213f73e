package org.oneweek.platform;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The checks a module's command records make in their compact constructors, so that a
 * service is safe whoever calls it (a page, an import, a test), not only behind a page's
 * validation. A failed check throws the module's own refusal, with the message key the
 * page shows for the same field. Null passes every check but {@link #present},
 * {@link #filled} and {@link #text}, as it passes the forms' size and pattern
 * constraints.
 */
public final class CommandChecks {

	private final Function<String, ? extends KeyedException> refusal;

	/**
	 * @param refusal the module's refusal for a message key
	 */
	public CommandChecks(Function<String, ? extends KeyedException> refusal) {
		this.refusal = refusal;
	}

	/** The value, which must be there. */
	public <T> T present(@Nullable T value) {
		if (value == null) {
			throw refusal.apply("validation.required");
		}
		return value;
	}

	/** A text that must be there and not blank. */
	public String filled(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw refusal.apply("validation.required");
		}
		return value;
	}

	/** A text that must be there, not blank, and at most {@code maxLength} long. */
	public String text(@Nullable String value, int maxLength) {
		return atMost(filled(value), maxLength);
	}

	/** A text that may be missing, at most {@code maxLength} long. */
	public @Nullable String atMost(@Nullable String value, int maxLength) {
		return atMost(value, maxLength, "validation.tooLong");
	}

	/** A text that may be missing, at most {@code maxLength} long. */
	public @Nullable String atMost(@Nullable String value, int maxLength, String tooLongKey) {
		if (value != null && value.length() > maxLength) {
			throw refusal.apply(tooLongKey);
		}
		return value;
	}

	/** A text that may be missing, of the given form when there. */
	public @Nullable String matching(@Nullable String value, String regex, String key) {
		if (value != null && !value.matches(regex)) {
			throw refusal.apply(key);
		}
		return value;
	}

	/**
	 * A phone number that may be missing or blank (returned as it is), else in its stored
	 * form ({@link PhoneNumbers#normalised}); refused with {@code validation.phone} when
	 * it is not a phone number.
	 */
	public @Nullable String phone(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		return PhoneNumbers.normalised(value).orElseThrow(() -> refusal.apply("validation.phone"));
	}

	/** A number that may be missing, from 0 to {@code max}. */
	public @Nullable Integer count(@Nullable Integer value, int max) {
		return between(value, 0, max, "validation.notNegative", "validation.tooLarge");
	}

	/** A number that may be missing, from {@code min} to {@code max}. */
	public @Nullable Integer between(@Nullable Integer value, int min, int max, String tooSmallKey,
			String tooLargeKey) {
		if (value != null && value < min) {
			throw refusal.apply(tooSmallKey);
		}
		if (value != null && value > max) {
			throw refusal.apply(tooLargeKey);
		}
		return value;
	}

}
