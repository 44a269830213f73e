package org.oneweek.reconciliation.internal;

import org.oneweek.diary.DiaryEvents.ReportFrozen;
import org.oneweek.reconciliation.HandoverReconciliations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the diary fixes a term's hand-over report, the week's reconciliation is frozen in
 * the same transaction: whichever way the term was handed over (the diary's report, the
 * ledger's page, the end-of-term job), the report and its reconciliation stand together.
 */
@Component
class HandoverListener {

	private final HandoverReconciliations snapshots;

	HandoverListener(HandoverReconciliations snapshots) {
		this.snapshots = snapshots;
	}

	@EventListener
	void on(ReportFrozen frozen) {
		snapshots.freeze(frozen.termId(), frozen.frozenAt());
	}

}
