package org.oneweek.casework.internal;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Actor;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseState;

/**
 * One entry a change appends to a case's timeline ({@code case_event}): numbered after
 * the case's last, never changed afterwards.
 *
 * @param isPublic whether it may be shown on the village's board
 */
public record Entry(int seq, CaseEvent.Kind kind, Instant at, Actor actor, @Nullable CaseState from,
		@Nullable CaseState to, @Nullable String reason, Map<String, Object> data, boolean isPublic) {

	public Entry {
		data = Map.copyOf(data);
	}

	/** The entry as stored, with its row id (as the ledger's readers see it). */
	CaseEvent toEvent(long id, CaseId caseId, @Nullable CaseState fromState, @Nullable CaseState toState,
			@Nullable String storedReason) {
		return new CaseEvent(id, caseId, seq, kind, at, actor.accountId(), actor.name(), fromState, toState,
				storedReason, data, isPublic);
	}

}
