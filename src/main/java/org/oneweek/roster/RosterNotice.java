package org.oneweek.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.Weeks;

/**
 * A change to the published roster that concerns the member reading it: a term or duty of
 * theirs was published, they were put on or taken off a team or duty, their team changed,
 * or it has a new lead.
 *
 * @param kind what happened
 * @param place the village (for a term) or street (for a troubleshooter duty)
 * @param troubleshooter whether it is a troubleshooter duty
 * @param added who was put on (or made lead), if anyone
 * @param removed who was taken off, if anyone
 * @param concernsMe {@code ADDED}, {@code REMOVED} or {@code TEAM} (a change in my team)
 */
public record RosterNotice(long id, Kind kind, LocalDate weekStart, String place, boolean troubleshooter,
		@Nullable String added, @Nullable String removed, Concern concernsMe, Instant at) {

	public enum Kind {

		PUBLISHED, REPLACED, LEAD

	}

	public enum Concern {

		ADDED, REMOVED, TEAM

	}

	public String week() {
		return Weeks.label(weekStart);
	}

	public LocalDate weekEnd() {
		return weekStart.plusDays(6);
	}

}
