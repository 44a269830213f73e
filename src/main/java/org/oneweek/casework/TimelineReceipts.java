package org.oneweek.casework;

import java.util.Map;

/**
 * Where a case's timeline entries were recorded outside the ledger: the transparency log
 * implements it (it depends on the ledger, not the other way round), and the case's pages
 * show each entry's leaf index next to it, to be verified by anyone.
 */
public interface TimelineReceipts {

	/** The receipts of one case. */
	Receipts of(CaseId caseId);

	/**
	 * @param leafIndices the leaf index of each entry, by the entry's number (seq)
	 * @param treeSize the log's size, for proofs of these leaves
	 */
	record Receipts(Map<Integer, Long> leafIndices, long treeSize) {

		public static final Receipts NONE = new Receipts(Map.of(), 0);

		public Receipts {
			leafIndices = Map.copyOf(leafIndices);
		}

	}

}
