package org.oneweek.roster;

import java.time.LocalDate;

import org.oneweek.people.MemberId;
import org.oneweek.places.TownshipId;

/**
 * The floating troubleshooter (机动书记) of a township or street for one week.
 */
public record TroubleshooterDuty(long id, TownshipId townshipId, LocalDate weekStart, MemberId memberId) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(weekStart) && !date.isAfter(weekStart.plusDays(6));
	}

}
