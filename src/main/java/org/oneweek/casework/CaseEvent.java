package org.oneweek.casework;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountId;

/**
 * One entry of a case's timeline: who did what, when and why. Public entries may be shown
 * on the village's board.
 */
public record CaseEvent(long id, CaseId caseId, int seq, Kind kind, Instant at, @Nullable AccountId actorId,
		String actorName, @Nullable CaseState fromState, @Nullable CaseState toState, @Nullable String reason,
		Map<String, Object> data, boolean isPublic) {

	public CaseEvent {
		data = Map.copyOf(data);
	}

	public enum Kind {

		RECEIVED, ASSIGNED, STARTED, RESOLVED, CLOSED, REOPENED, MERGED, DECLINED, NOTE, PROGRESS, PHOTO,
		FUNDING_REQUESTED, FUNDING_APPROVED, URGENCY_CHANGED, OVERDUE, ESCALATED, HANDED_OVER, ACKNOWLEDGED,
		MERGED_FROM,
		/** A villager followed up through the public pages (the words stay private). */
		FOLLOW_UP,
		/** The request's own words were reviewed and made the public title. */
		TITLE_PUBLISHED

	}

	public @Nullable Object get(String key) {
		return data.get(key);
	}

}
