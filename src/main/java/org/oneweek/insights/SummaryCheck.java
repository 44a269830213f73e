package org.oneweek.insights;

/**
 * What a full recomputation of the figures' summary from the ledger's rows found
 * (docs/OPERATIONS.md, "The figures' summary").
 *
 * @param built whether the summary is built (without it the figures come from the ledger)
 * @param cases the ledger's cases, merged ones left out
 * @param facts cases whose part in the summary differs from their row in the ledger
 * (missing, extra or changed)
 * @param rows summed rows that differ from the recomputation
 * @param hours rows of the times' histogram that differ
 */
public record SummaryCheck(boolean built, long cases, long facts, long rows, long hours) {

	/** Built, and nothing differs. */
	public boolean consistent() {
		return built && facts == 0 && rows == 0 && hours == 0;
	}

}
