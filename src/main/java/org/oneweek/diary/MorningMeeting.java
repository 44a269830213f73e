package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * A morning meeting (晨会) with villagers: where, how many came and which groups, the team
 * members present, and the cases recorded from the problems raised.
 */
public record MorningMeeting(MeetingId id, TermId termId, VillageId villageId, LocalDate day, String place,
		@Nullable Integer attendees, @Nullable String groups, @Nullable String notes, List<MemberId> memberIds,
		List<CaseId> caseIds, String recordedByName, Instant recordedAt) {

	public MorningMeeting {
		memberIds = List.copyOf(memberIds);
		caseIds = List.copyOf(caseIds);
	}

}
