package org.oneweek.casework;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the ledger tells other modules (the bulletin board, transparency log, insights):
 * published after each change, within its transaction.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** A new case was recorded. */
	public record CaseRecorded(long caseId, String reference, long villageId, long townshipId, Urgency urgency,
			CaseSource source, Instant receivedAt) {

	}

	/** A case moved from one state to another. */
	public record CaseStateChanged(long caseId, String reference, long villageId, @Nullable CaseState from,
			CaseState to) {

	}

	/**
	 * A deadline passed and the case went up a level (1: troubleshooter, 2: department).
	 */
	public record CaseEscalated(long caseId, String reference, String deadline, int level) {

	}

	/** A term's open cases passed to the village's next term. */
	public record CasesHandedOver(long handoverId, long villageId, long fromTermId, long toTermId, List<Long> caseIds) {

		public CasesHandedOver {
			caseIds = List.copyOf(caseIds);
		}

	}

}
