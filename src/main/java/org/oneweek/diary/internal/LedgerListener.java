package org.oneweek.diary.internal;

import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.casework.CaseSource;
import org.oneweek.diary.HandoverReports;
import org.oneweek.diary.MorningMeetings;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the ledger: a problem recorded at a morning meeting joins that morning's
 * meeting of the village; a term's cases handed over (by the system, say) fix its
 * hand-over report. Both change nothing the second time, so a republished event is
 * harmless.
 */
@Component
class LedgerListener {

	private final MorningMeetings meetings;

	private final HandoverReports reports;

	LedgerListener(MorningMeetings meetings, HandoverReports reports) {
		this.meetings = meetings;
		this.reports = reports;
	}

	@ApplicationModuleListener
	void on(CaseRecorded recorded) {
		if (recorded.source() == CaseSource.MORNING_MEETING) {
			meetings.linkRecordedCase(recorded.caseId());
		}
	}

	@ApplicationModuleListener
	void on(CasesHandedOver handedOver) {
		reports.handedOver(handedOver.handoverId());
	}

}
