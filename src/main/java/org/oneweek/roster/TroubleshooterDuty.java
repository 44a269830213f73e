package org.oneweek.roster;

import java.time.LocalDate;

/**
 * The floating troubleshooter (机动书记) of a township or street for one week.
 */
public record TroubleshooterDuty(long id, long townshipId, LocalDate weekStart, long memberId) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(weekStart) && !date.isAfter(weekStart.plusDays(6));
	}

}
