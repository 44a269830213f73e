package org.oneweek.casework;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * What the ledger tells other modules (the bulletin board, the diary, later the
 * transparency log and insights): published by the one writer of the ledger
 * ({@code CaseStore}) within the transaction of each change.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/**
	 * A new case was recorded.
	 *
	 * @param meetingId the diary's morning meeting at which the problem was heard, when
	 * the person recording it said so
	 */
	public record CaseRecorded(CaseId caseId, String reference, VillageId villageId, TownshipId townshipId,
			Urgency urgency, CaseSource source, Instant receivedAt, @Nullable Long meetingId) {

	}

	/** A case moved from one state to another. */
	public record CaseStateChanged(CaseId caseId, String reference, VillageId villageId, @Nullable CaseState from,
			CaseState to) {

	}

	/**
	 * Timeline entries were appended to a case ({@code case_event}), in order: published
	 * for every change, the first entry of a new case included, in the transaction that
	 * stored them, so that the transparency log appends its leaves with them or not at
	 * all.
	 */
	public record CaseTimelineAppended(CaseId caseId, String reference, List<CaseEvent> entries) {

		public CaseTimelineAppended {
			entries = List.copyOf(entries);
		}

	}

	/**
	 * A deadline passed and the case went up a level (1: troubleshooter, 2: department).
	 */
	public record CaseEscalated(CaseId caseId, String reference, String deadline, int level) {

	}

	/**
	 * A term's open cases passed to the village's next term by the ledger itself (the
	 * end-of-term job, or the ledger's own hand-over page), so that the diary fixes the
	 * term's hand-over report. A hand-over the diary starts fixes its report in its own
	 * transaction and is not announced.
	 */
	public record CasesHandedOver(HandoverId handoverId, VillageId villageId, TermId fromTermId, TermId toTermId,
			List<CaseId> caseIds) {

		public CasesHandedOver {
			caseIds = List.copyOf(caseIds);
		}

	}

}
