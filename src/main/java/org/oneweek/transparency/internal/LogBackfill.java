package org.oneweek.transparency.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the log every case event that has no leaf: the events recorded before the
 * log existed (or while it was switched off), in the order they were recorded
 * ({@code case_event.id}, which keeps each case's events in their order). Run at every
 * start, before the first checkpoint is signed
 * ({@code oneweek.transparency.backfill.enabled}, on by default).
 * <p>
 * Batches of {@value #BATCH} events, each in a transaction of its own that takes the
 * log's lock (the live append's), reads again which of the batch's events have a leaf by
 * now and appends the others: so it can run while cases are recorded, on two instances at
 * once (the second finds the first one's leaves and appends nothing twice), and when it
 * stops half-way the next run goes on where it stopped. A run that finds nothing to
 * append costs one query.
 */
@Component
public class LogBackfill {

	private static final Logger log = LoggerFactory.getLogger(LogBackfill.class);

	static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final LogStore store;

	private final Cases cases;

	private final TransactionTemplate transactions;

	private final boolean atStart;

	LogBackfill(JdbcClient jdbc, LogStore store, Cases cases, TransactionTemplate transactions,
			@Value("${oneweek.transparency.enabled:true}") boolean logOn,
			@Value("${oneweek.transparency.backfill.enabled:true}") boolean backfillOn) {
		this.jdbc = jdbc;
		this.store = store;
		this.cases = cases;
		this.transactions = transactions;
		this.atStart = logOn && backfillOn;
	}

	/** A case event without its leaf. */
	public record Missing(long eventId, CaseId caseId, int seq) {

	}

	/**
	 * Before the signer's first checkpoint (that listener has no order: it runs last).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void started() {
		if (atStart) {
			run();
		}
	}

	/**
	 * Appends every case event without a leaf, oldest first.
	 * @return the number of leaves appended
	 */
	public long run() {
		long after = 0;
		long appended = 0;
		while (true) {
			List<Missing> batch = missing(after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			after = batch.get(batch.size() - 1).eventId();
			List<CaseTimelineAppended> changes = changes(batch);
			appended += transactions.execute((status) -> store.appendMissing(changes)).size();
			if (appended > 0 && appended % 10_000 < BATCH) {
				log.info("Transparency log: {} earlier case events appended so far", appended);
			}
		}
		if (appended > 0) {
			log.info("Transparency log: appended {} case events recorded before it (or while it was off)", appended);
		}
		return appended;
	}

	/** The case events without a leaf recorded after the given event, oldest first. */
	public List<Missing> missing(long afterEventId, int limit) {
		return jdbc.sql("""
				select e.id, e.case_id, e.seq from case_event e
				where e.id > ? and not exists (select 1 from tlog_leaf l where l.case_id = e.case_id and l.seq = e.seq)
				order by e.id limit ?""")
			.params(afterEventId, limit)
			.query((rs, n) -> new Missing(rs.getLong("id"), CaseId.of(rs.getLong("case_id")), rs.getInt("seq")))
			.list();
	}

	/** The number of case events without a leaf. */
	public long countMissing() {
		return jdbc.sql("""
				select count(*) from case_event e
				where not exists (select 1 from tlog_leaf l where l.case_id = e.case_id and l.seq = e.seq)""")
			.query(Long.class)
			.single();
	}

	/** The events as the ledger would have announced them, in the batch's order. */
	private List<CaseTimelineAppended> changes(List<Missing> batch) {
		List<CaseId> ids = new ArrayList<>(
				batch.stream().map(Missing::caseId).collect(Collectors.toCollection(LinkedHashSet::new)));
		Map<CaseId, List<CaseEvent>> events = cases.events(ids);
		Map<CaseId, String> references = cases.byIds(ids)
			.stream()
			.collect(Collectors.toMap(Case::id, Case::reference, (a, b) -> a));
		List<CaseTimelineAppended> changes = new ArrayList<>();
		CaseId current = null;
		List<CaseEvent> run = new ArrayList<>();
		for (Missing m : batch) {
			List<CaseEvent> timeline = events.getOrDefault(m.caseId(), List.of());
			// a timeline's events are 1, 2, 3, … (seq), each at seq - 1
			CaseEvent e = (m.seq() >= 1 && m.seq() <= timeline.size() && timeline.get(m.seq() - 1).seq() == m.seq())
					? timeline.get(m.seq() - 1)
					: timeline.stream().filter((x) -> x.seq() == m.seq()).findFirst().orElse(null);
			if (e == null) {
				continue; // not possible: case events are never deleted (a trigger
							// refuses it)
			}
			if (current != null && !current.equals(m.caseId())) {
				changes.add(new CaseTimelineAppended(current, references.get(current), run));
				run = new ArrayList<>();
			}
			current = m.caseId();
			run.add(e);
		}
		if (current != null) {
			changes.add(new CaseTimelineAppended(current, references.get(current), run));
		}
		return changes;
	}

}
