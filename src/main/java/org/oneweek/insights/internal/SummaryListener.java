package org.oneweek.insights.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@link Summary} exact: every case the ledger changes in a transaction (its
 * {@code CaseTimelineAppended}, published for every change) is summed anew just before
 * that transaction commits, in it, so the summary commits with the change or not at all
 * and is never behind. The cases of one transaction are summed in one go, the summary's
 * rows locked in their keys' order, first of the commit's work (before the transparency
 * log's lock), so that concurrent commits wait for each other briefly and never deadlock.
 */
@Component
class SummaryListener {

	private static final Logger log = LoggerFactory.getLogger(SummaryListener.class);

	private final Summary tally;

	private final boolean rebuildOnStart;

	SummaryListener(Summary tally, @Value("${oneweek.insights.summary.rebuild-on-start:true}") boolean rebuildOnStart) {
		this.tally = tally;
		this.rebuildOnStart = rebuildOnStart;
	}

	@EventListener
	void appended(CaseTimelineAppended change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			tally.update(List.of(change.caseId().value()));
			return;
		}
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
		pending.cases.add(change.caseId().value());
	}

	/**
	 * A database without the summary (the first start after the migration, a new time
	 * zone) builds it once it has started; until then the figures come from the ledger.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (rebuildOnStart && !tally.built()) {
			long t0 = System.nanoTime();
			long cases = tally.rebuild();
			log.info("Insights summary built: {} cases in {} ms", cases, (System.nanoTime() - t0) / 1_000_000);
		}
	}

	private final class Pending implements TransactionSynchronization {

		private final Set<Long> cases = new LinkedHashSet<>();

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			List<Long> ids = List.copyOf(cases);
			cases.clear();
			tally.update(ids);
		}

	}

}
