package org.oneweek.transparency.internal;

import org.oneweek.casework.CaseId;
import org.oneweek.casework.TimelineReceipts;
import org.springframework.stereotype.Component;

/** The leaf index of each of a case's entries, for the case's pages. */
@Component
class LeafReceipts implements TimelineReceipts {

	private final LogStore store;

	LeafReceipts(LogStore store) {
		this.store = store;
	}

	@Override
	public Receipts of(CaseId caseId) {
		return new Receipts(store.indices(caseId), store.size());
	}

}
