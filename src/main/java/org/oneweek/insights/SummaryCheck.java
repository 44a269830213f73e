package org.oneweek.insights;

/**
 * What a full recomputation of the figures' summary from the ledger's rows found
 * (docs/OPERATIONS.md, "The figures' summary"), and of the stored reconciliations of the
 * blind spots (docs/INSIGHTS.md, "Blind-spot rate").
 *
 * @param built whether the summary is built (without it the figures come from the ledger)
 * @param cases the ledger's cases, merged ones left out
 * @param facts cases whose part in the summary differs from their row in the ledger
 * (missing, extra or changed)
 * @param rows summed rows that differ from the recomputation
 * @param hours rows of the times' histogram that differ
 * @param blindSpotWeeks village-weeks whose stored reconciliation a read trusts (current,
 * not stale), all recomputed
 * @param blindSpotDiffering of those, weeks whose stored problems differ from the
 * recomputation
 */
public record SummaryCheck(boolean built, long cases, long facts, long rows, long hours, long blindSpotWeeks,
		long blindSpotDiffering) {

	public SummaryCheck(boolean built, long cases, long facts, long rows, long hours) {
		this(built, cases, facts, rows, hours, 0, 0);
	}

	/** The same, with what the recomputation of the stored blind spots found. */
	public SummaryCheck withBlindSpots(long weeks, long differing) {
		return new SummaryCheck(built, cases, facts, rows, hours, weeks, differing);
	}

	/** Built, and nothing differs. */
	public boolean consistent() {
		return built && facts == 0 && rows == 0 && hours == 0 && blindSpotDiffering == 0;
	}

}
