package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.people.MemberId;
import org.oneweek.roster.Term;

/**
 * One secretary's diary of one day as it is shown: what they wrote, the cases it mentions
 * (those of the day filled in), the day's meetings and inspections of the team, and any
 * amendments.
 *
 * @param otherCases cases recorded in the village that day by others, which the diary
 * does not mention yet
 */
public record DiaryDay(Term term, MemberId memberId, LocalDate day, @Nullable DiaryEntry entry, DayStatus status,
		Instant closesAt, List<LinkedCase> cases, List<Case> otherCases, List<MorningMeeting> meetings,
		List<Inspection> inspections, List<DiaryAmendment> amendments) {

	public DiaryDay {
		cases = List.copyOf(cases);
		otherCases = List.copyOf(otherCases);
		meetings = List.copyOf(meetings);
		inspections = List.copyOf(inspections);
		amendments = List.copyOf(amendments);
	}

	public boolean open() {
		return status.isOpen();
	}

	public boolean closed() {
		return status.isClosed();
	}

}
