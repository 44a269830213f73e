package org.oneweek.roster;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;

/**
 * Which weeks a village needs a team: from its first week, every {@code everyWeeks} weeks
 * (1 every week, 2 every other week…), up to its last week if it has one.
 */
public record VillageSchedule(long id, VillageId villageId, LocalDate firstWeek, @Nullable LocalDate lastWeek,
		int everyWeeks) {

	public static final int MAX_EVERY_WEEKS = 52;

	public VillageSchedule {
		if (everyWeeks < 1 || everyWeeks > MAX_EVERY_WEEKS) {
			throw new IllegalArgumentException("everyWeeks must be between 1 and " + MAX_EVERY_WEEKS);
		}
	}

	/** Whether the village needs a team in the week starting on this Monday. */
	public boolean needsTeamIn(LocalDate monday) {
		if (monday.isBefore(firstWeek) || (lastWeek != null && monday.isAfter(lastWeek))) {
			return false;
		}
		return ChronoUnit.WEEKS.between(firstWeek, monday) % everyWeeks == 0;
	}

}
