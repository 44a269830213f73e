package org.oneweek.casework;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.oneweek.places.VillageId;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseEvents.CaseEscalated;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules (board, transparency log, insights) will hear from the ledger.
 */
@OneweekTest
@RecordApplicationEvents
class CaseEventsPublishedTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseFunding funding;

	@Autowired
	Cases cases;

	@Autowired
	Escalations escalations;

	@Autowired
	Handovers handovers;

	@Autowired
	CaseFixtures fixtures;

	@Test
	void recordingEscalatingAndHandingOverArePublished() {
		long village = fixtures.newVillage("QS");
		Team first = fixtures.team(village, fixtures.freshMonday());
		Team second = fixtures.team(village, first.monday().plusWeeks(1));
		String reference = intake
			.record(CaseFixtures.intake(village, "事件测试").toCommand(), first.lead(), first.tuesday())
			.reference();
		assertThat(events.stream(CaseRecorded.class)).anySatisfy((e) -> {
			assertThat(e.reference()).isEqualTo(reference);
			assertThat(e.villageId()).isEqualTo(VillageId.of(village));
		});
		assertThat(events.stream(CaseStateChanged.class))
			.anySatisfy((e) -> assertThat(e.reference() + e.to()).isEqualTo(reference + "RECEIVED"));
		Case c = cases.byReference(reference).orElseThrow();
		escalations.run(c.resolutionDue().plus(Duration.ofMinutes(1)));
		assertThat(events.stream(CaseEscalated.class))
			.anySatisfy((e) -> assertThat(e.reference()).isEqualTo(reference));
		handovers.handOver(new HandOverCases(first.termId(), null), first.lead(), second.tuesday());
		assertThat(events.stream(CasesHandedOver.class)).anySatisfy((e) -> {
			assertThat(e.fromTermId()).isEqualTo(first.termId());
			assertThat(e.toTermId()).isEqualTo(second.termId());
			assertThat(e.caseIds()).contains(c.id());
		});
	}

}
