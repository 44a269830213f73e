package org.oneweek.platform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

/**
 * The checks and conversions of the id records ({@link Identifier}), for their compact
 * constructors and for the SQL at a module's edge.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * The value of an id, which the database only ever gives positive: anything else is
	 * an id nobody has ({@link UnknownIdException}, a 404 on a page).
	 */
	public static long positive(long value, String what) {
		if (value <= 0) {
			throw new UnknownIdException(what, value);
		}
		return value;
	}

	/** The id of a value that may be missing (a nullable column, an optional field). */
	public static <T extends Identifier> @Nullable T nullable(@Nullable Long value, LongFunction<T> id) {
		return (value != null) ? id.apply(value) : null;
	}

	/**
	 * The id a form or an address gave, if it can be anybody's: empty when it is missing,
	 * zero or negative (for a page to answer "unknown" instead of failing).
	 */
	public static <T extends Identifier> Optional<T> given(@Nullable Long value, LongFunction<T> id) {
		return (value != null && value > 0) ? Optional.of(id.apply(value)) : Optional.empty();
	}

	/** The value of an id that may be missing, for binding to SQL. */
	public static @Nullable Long value(@Nullable Identifier id) {
		return (id != null) ? id.value() : null;
	}

	/** The values of ids, for binding to SQL ({@code id = any(?)}, {@code in (:ids)}). */
	public static List<Long> values(Collection<? extends Identifier> ids) {
		return ids.stream().map(Identifier::value).toList();
	}

	/** The ids of values (from a column, a form's list). */
	public static <T extends Identifier> List<T> all(Collection<Long> values, LongFunction<T> id) {
		return values.stream().map(id::apply).toList();
	}

}
