package org.oneweek.reconciliation.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryEvents.FindingsChanged;
import org.oneweek.platform.OneweekProperties;
import org.oneweek.platform.Weeks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the stored weeks' results ({@link WeekResults}) stale in the transaction of each
 * change the reconciliation of a week reads: a case of the village received in the week
 * (a villager's problem, or an item of the officials' list, which also counts in the week
 * after), and the findings of the week's inspections. The team's decisions mark their
 * week where they are saved ({@code Reconciliations.decide}). An embedding landing
 * changes nothing: it is the one the matching would compute from the same text.
 */
@Component
class WeekResultsListener {

	private final WeekResults results;

	private final Cases cases;

	private final ZoneId zone;

	WeekResultsListener(WeekResults results, Cases cases, OneweekProperties properties) {
		this.results = results;
		this.cases = cases;
		this.zone = properties.zone();
	}

	@EventListener
	void appended(CaseTimelineAppended change) {
		results.staleHolding(change.caseId().value());
		cases.byId(change.caseId()).ifPresent((c) -> {
			LocalDate monday = Weeks.mondayOf(LocalDate.ofInstant(c.receivedAt(), zone));
			results.stale(c.villageId(), monday);
			if (c.source() == CaseSource.OFFICIALS_LIST) {
				results.stale(c.villageId(), monday.plusWeeks(1));
			}
		});
	}

	@EventListener
	void findings(FindingsChanged change) {
		results.stale(change.villageId(), Weeks.mondayOf(change.weekStart()));
	}

}
