package org.oneweek.transparency.internal;

import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.oneweek.platform.BeforeCommit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.core.Ordered;

/**
 * Appends every case event to the log in the transaction that records it: the ledger's
 * events are gathered while the transaction runs and appended just before it commits, so
 * the log's lock is held only for the commit (never while a case waits for another case's
 * lock) and the leaves commit with their events or not at all.
 */
@Component
@ConditionalOnProperty(name = "oneweek.transparency.enabled", havingValue = "true", matchIfMissing = true)
class TimelineListener {

	private final BeforeCommit<CaseTimelineAppended> appends;

	TimelineListener(LogStore store) {
		this.appends = new BeforeCommit<>(Ordered.LOWEST_PRECEDENCE, false, store::append);
	}

	@EventListener
	void appended(CaseTimelineAppended change) {
		appends.add(change);
	}

}
