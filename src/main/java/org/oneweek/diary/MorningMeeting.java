package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A morning meeting (晨会) with villagers: where, how many came and which groups, the team
 * members present, and the cases recorded from the problems raised.
 */
public record MorningMeeting(long id, long termId, long villageId, LocalDate day, String place,
		@Nullable Integer attendees, @Nullable String groups, @Nullable String notes, List<Long> memberIds,
		List<Long> caseIds, String recordedByName, Instant recordedAt) {

	public MorningMeeting {
		memberIds = List.copyOf(memberIds);
		caseIds = List.copyOf(caseIds);
	}

}
