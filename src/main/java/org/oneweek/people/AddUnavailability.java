package org.oneweek.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import static org.oneweek.people.PeopleRules.CHECK;

/**
 * Dates a member cannot serve, both included. Refused ({@link PeopleRuleException}) when
 * a date is missing, the reason is too long, or the end comes before the start.
 */
public record AddUnavailability(LocalDate from, LocalDate to, @Nullable String reason) {

	public AddUnavailability {
		CHECK.present(from);
		CHECK.present(to);
		CHECK.atMost(reason, 200);
		if (to.isBefore(from)) {
			throw new PeopleRuleException("people.unavailability.order");
		}
	}

}
