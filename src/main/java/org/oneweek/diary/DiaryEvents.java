package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;

import org.oneweek.casework.HandoverId;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * What the diary tells other modules: published within the transaction of the change.
 */
public final class DiaryEvents {

	private DiaryEvents() {
	}

	/**
	 * A team handed over its term's open cases from the diary's hand-over report (the
	 * ledger does not announce that hand-over itself).
	 */
	public record ReportHandedOver(HandoverId handoverId, VillageId villageId, TermId toTermId, int cases) {

	}

	/**
	 * A term's hand-over report was fixed as it stood (whichever way the term was handed
	 * over), published in the transaction that fixed it: what keeps its own part of the
	 * report as at the hand-over (the reconciliation) stores it with the report or not at
	 * all.
	 */
	public record ReportFrozen(TermId termId, VillageId villageId, LocalDate weekStart, Instant frozenAt) {

	}

	/**
	 * A finding of an inspection was recorded, or became or was linked to a case,
	 * published within the transaction of the change: what keeps a result of the week's
	 * findings (the reconciliation's stored weeks) marks it stale.
	 */
	public record FindingsChanged(TermId termId, VillageId villageId, LocalDate weekStart) {

	}

	/** At the evening hour, a secretary's diary of the day was still empty. */
	public record DiaryMissing(MemberId memberId, LocalDate day) {

	}

}
