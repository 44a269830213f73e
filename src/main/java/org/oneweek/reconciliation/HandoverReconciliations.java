package org.oneweek.reconciliation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oneweek.casework.Case;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Weeks;
import org.oneweek.reconciliation.internal.SnapshotStore;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The week's reconciliation kept with the term's hand-over report: frozen in the
 * transaction that fixes the report (the diary announces it), read by whoever may read
 * the report. Decisions made after the hand-over change the live reconciliation, not
 * this.
 */
@Service
public class HandoverReconciliations {

	private final Reconciliations reconciliations;

	private final SnapshotStore store;

	private final Cases cases;

	private final Terms terms;

	private final DiaryAccess diaryAccess;

	HandoverReconciliations(Reconciliations reconciliations, SnapshotStore store, Cases cases, Terms terms,
			DiaryAccess diaryAccess) {
		this.reconciliations = reconciliations;
		this.store = store;
		this.cases = cases;
		this.terms = terms;
		this.diaryAccess = diaryAccess;
	}

	/**
	 * Freezes the term's week as it stands now, unless it was frozen already; in the
	 * caller's transaction (the hand-over's), so the report and its reconciliation are
	 * kept together or not at all.
	 */
	@Transactional
	public void freeze(TermId termId, Instant frozenAt) {
		if (store.of(termId).isPresent()) {
			return;
		}
		Term term = terms.byId(termId)
			.orElseThrow(() -> new ReconciliationRuleException("reconciliation.term.unknown"));
		WeekReconciliation week = reconciliations.computed(term.villageId(), Weeks.mondayOf(term.weekStart()));
		List<CaseId> ids = week.items()
			.stream()
			.filter((i) -> i.caseId() != null)
			.map((i) -> CaseId.of(i.caseId()))
			.distinct()
			.toList();
		Map<Long, String> publicTitles = new HashMap<>();
		for (Case c : cases.byIds(ids)) {
			publicTitles.put(c.id().value(), c.publicTitle());
		}
		store.save(HandoverReconciliation.of(termId.value(), week, frozenAt, (item) -> {
			String title = (item.caseId() != null) ? publicTitles.get(item.caseId()) : null;
			return (title != null && !title.isBlank()) ? title : item.title();
		}));
	}

	/** The term, for someone who may read its hand-over report. */
	@Transactional(readOnly = true)
	public Term term(TermId termId, AccountPrincipal me) {
		Term term = terms.byId(termId)
			.orElseThrow(() -> new ReconciliationRuleException("reconciliation.term.unknown"));
		if (!diaryAccess.canReadReport(me, term)) {
			throw new AccessDeniedException("reconciliation handed over by term " + termId);
		}
		return term;
	}

	/**
	 * The reconciliation handed over with the term's report, for someone who may read the
	 * report; empty while the term is not handed over (or was handed over before the
	 * reconciliation was kept with the report).
	 * @throws AccessDeniedException when the person may not read the report
	 */
	@Transactional(readOnly = true)
	public Optional<HandoverReconciliation> of(TermId termId, AccountPrincipal me) {
		term(termId, me);
		return store.of(termId);
	}

}
