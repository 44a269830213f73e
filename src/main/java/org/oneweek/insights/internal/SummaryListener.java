package org.oneweek.insights.internal;

import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

	private final java.time.Clock clock;

	SummaryListener(Summary tally, @Value("${oneweek.insights.summary.rebuild-on-start:true}") boolean rebuildOnStart,
			java.time.Clock clock) {
		this.tally = tally;
		this.rebuildOnStart = rebuildOnStart;
		this.clock = clock;
	}

	@EventListener
	void appended(CaseTimelineAppended change) {
		tally.atCommit(change.caseId().value());
	}

	/**
	 * A database without the summary (the first start after the migration, a new time
	 * zone) builds it once it has started; until then the figures come from the ledger. A
	 * summary of a release before settles its open deadlines long past.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (rebuildOnStart && !tally.built()) {
			long t0 = System.nanoTime();
			long cases = tally.rebuild();
			log.info("Insights summary built: {} cases in {} ms", cases, (System.nanoTime() - t0) / 1_000_000);
		}
		// and its open deadlines settled (the first start after an upgrade, or with the
		// background job off)
		int settled = tally.settle(clock.instant());
		if (settled > 0) {
			log.info("Insights summary: the open deadlines of {} cases settled", settled);
		}
	}

}
