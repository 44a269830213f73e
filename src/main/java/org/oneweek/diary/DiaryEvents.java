package org.oneweek.diary;

import java.time.LocalDate;

import org.oneweek.people.MemberId;

/**
 * What the diary tells other modules: published within the transaction of the change.
 */
public final class DiaryEvents {

	private DiaryEvents() {
	}

	/** At the evening hour, a secretary's diary of the day was still empty. */
	public record DiaryMissing(MemberId memberId, LocalDate day) {

	}

}
