package org.oneweek.diary.internal;

import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.diary.HandoverReports;
import org.oneweek.diary.MeetingId;
import org.oneweek.diary.MorningMeetings;
import org.oneweek.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the ledger: a problem recorded at a morning meeting, with the meeting's id,
 * joins that meeting in the same transaction (one statement, so the link and the case are
 * written together or not at all, with no event stored for later); a term's cases handed
 * over by the ledger itself (the end-of-term job, the ledger's own page) fix its
 * hand-over report, after the hand-over commits, through Spring Modulith's event
 * publication registry, and change nothing the second time, so a republished event is
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

	@EventListener
	void on(CaseRecorded recorded) {
		// the ledger carries the meeting's id as a number (it does not know the diary);
		// one that cannot be a meeting's links nothing, as an unknown one does
		Ids.given(recorded.meetingId(), MeetingId::of)
			.ifPresent((meeting) -> meetings.linkRecordedCase(meeting, recorded.caseId(), recorded.villageId(),
					recorded.receivedAt()));
	}

	@ApplicationModuleListener
	void on(CasesHandedOver handedOver) {
		reports.handedOver(handedOver.handoverId());
	}

}
