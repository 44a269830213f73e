package org.oneweek.platform;

/**
 * An id of a module's aggregate or record, as the modules pass it to each other
 * ({@code record VillageId(long value)}) instead of a bare {@code long}. Only the owning
 * module's SQL unwraps it.
 */
public interface Identifier {

	/** The database id, always positive. */
	long value();

}
