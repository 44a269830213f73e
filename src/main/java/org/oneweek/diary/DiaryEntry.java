package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.roster.TermId;

/**
 * A secretary's diary (民情日记) of one day of a term: where they went, whom they met, what
 * they heard and did, what they think, and what they plan for tomorrow. It can be changed
 * until {@link #closesAt()}, the end of the next day; after that only amendments are
 * added.
 *
 * @param written whether anything was written in it
 */
public record DiaryEntry(long id, MemberId memberId, LocalDate day, TermId termId, @Nullable String places,
		@Nullable Integer households, @Nullable String householdNotes, @Nullable String heard, @Nullable String done,
		@Nullable String reflections, @Nullable String plan, boolean written, Instant createdAt, Instant updatedAt,
		Instant closesAt) {

	public boolean isOpen(Instant now) {
		return now.isBefore(closesAt);
	}

}
