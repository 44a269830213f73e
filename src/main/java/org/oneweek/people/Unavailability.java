package org.oneweek.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Dates on which a member cannot serve (travel, illness, family).
 */
public record Unavailability(long id, MemberId memberId, LocalDate from, LocalDate to, @Nullable String reason) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}

}
