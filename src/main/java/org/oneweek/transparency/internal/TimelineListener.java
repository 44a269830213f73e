package org.oneweek.transparency.internal;

import java.util.ArrayList;
import java.util.List;

import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends every case event to the log in the transaction that records it: the ledger's
 * events are gathered while the transaction runs and appended just before it commits, so
 * the log's lock is held only for the commit (never while a case waits for another case's
 * lock) and the leaves commit with their events or not at all.
 */
@Component
@ConditionalOnProperty(name = "oneweek.transparency.enabled", havingValue = "true", matchIfMissing = true)
class TimelineListener {

	private final LogStore store;

	TimelineListener(LogStore store) {
		this.store = store;
	}

	@EventListener
	void appended(CaseTimelineAppended change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			store.append(List.of(change));
			return;
		}
		// the synchronizations are the transaction's own (a transaction started inside it
		// has others, and this one's come back when it resumes)
		Pending pending = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(Pending.class::isInstance)
			.map(Pending.class::cast)
			.findFirst()
			.orElse(null);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.changes.add(change);
	}

	private final class Pending implements TransactionSynchronization {

		private final List<CaseTimelineAppended> changes = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			List<CaseTimelineAppended> toAppend = List.copyOf(changes);
			changes.clear();
			store.append(toAppend);
		}

	}

}
