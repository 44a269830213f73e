package org.oneweek.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.Handover;
import org.oneweek.casework.Handovers;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hand-over acknowledgement delay on hand-overs built by hand: village A's next team
 * acknowledged after 10 hours, village B's (another street) after 30, village C's not
 * yet.
 */
@OneweekTest
class InsightsHandoverDelayTest {

	@Autowired
	Insights insights;

	@Autowired
	Handovers handovers;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseFixtures fixtures;

	record Built(VillageId village, LocalDate monday, Handover handover) {

	}

	/**
	 * Two terms of a new village, an open case in the first, handed over on its Sunday
	 * evening.
	 */
	Built handover(String street, @org.jspecify.annotations.Nullable Duration acknowledgedAfter) {
		long village = fixtures.newVillage(street);
		LocalDate monday = fixtures.freshMonday();
		Team first = fixtures.team(village, monday);
		fixtures.team(village, monday.plusWeeks(1), first);
		intake.record(CaseFixtures.intake(village, "交接测试").toCommand(), first.lead(), first.tuesday());
		AccountPrincipal admin = fixtures.principal("admin");
		Instant sunday = monday.plusDays(6).atTime(LocalTime.of(20, 0)).atZone(CaseFixtures.ZONE).toInstant();
		Handover made = handovers.handOverQuietly(new HandOverCases(first.termId(), null), admin, sunday);
		if (acknowledgedAfter != null) {
			handovers.acknowledge(made.id(), admin, sunday.plus(acknowledgedAfter));
		}
		return new Built(VillageId.of(village), monday, made);
	}

	@Test
	void medianAndP90OfTheHoursToTheNextTeamsAcknowledgementByVillageAndStreet() {
		Built a = handover("JA", Duration.ofHours(10));
		Built b = handover("HB", Duration.ofHours(30));
		Built c = handover("JA", null);
		Instant now = c.monday().plusWeeks(3).atStartOfDay(CaseFixtures.ZONE).toInstant();

		HandoverDelay one = insights.handoverDelay(MetricFilter.ALL.withVillage(a.village()), now);
		assertThat(one).isEqualTo(new HandoverDelay(1, 1, 10.0, 10.0));
		HandoverDelay waiting = insights.handoverDelay(MetricFilter.ALL.withVillage(c.village()), now);
		assertThat(waiting.handovers()).isEqualTo(1);
		assertThat(waiting.waiting()).isEqualTo(1);
		assertThat(waiting.medianHours()).isNull();

		// without a period, the last 13 weeks: half a year on, the village's hand-over
		// is no longer counted, but still with the period that holds it
		Instant later = a.monday().plusWeeks(26).atStartOfDay(CaseFixtures.ZONE).toInstant();
		assertThat(insights.handoverDelay(MetricFilter.ALL.withVillage(a.village()), later))
			.isEqualTo(HandoverDelay.NONE);
		assertThat(insights.handovers(MetricFilter.ALL.withVillage(a.village()), false, later)).isEmpty();
		assertThat(insights.handoverDelay(
				MetricFilter.ALL.withVillage(a.village()).withPeriod(a.monday(), a.monday().plusDays(6)), later))
			.isEqualTo(new HandoverDelay(1, 1, 10.0, 10.0));

		MetricFilter all = MetricFilter.ALL.withPeriod(a.monday(), c.monday().plusDays(6));
		HandoverDelay total = insights.handoverDelay(all, now);
		assertThat(total.handovers()).isEqualTo(3);
		assertThat(total.acknowledged()).isEqualTo(2);
		assertThat(total.medianHours()).isCloseTo(20.0, within(1e-6));
		assertThat(total.p90Hours()).isCloseTo(28.0, within(1e-6));
		// by the day of the hand-over: the period before the first has none
		assertThat(insights.handoverDelay(all.withPeriod(a.monday().minusWeeks(1), a.monday().minusDays(1)), now))
			.isEqualTo(HandoverDelay.NONE);

		List<Insights.HandoverRow> villages = insights.handoverDelays(all, Breakdown.VILLAGE, now, Locale.ENGLISH);
		assertThat(villages).extracting(Insights.HandoverRow::key)
			.containsExactly(a.village().toString(), b.village().toString(), c.village().toString());
		assertThat(villages.get(1).delay()).isEqualTo(new HandoverDelay(1, 1, 30.0, 30.0));
		assertThat(villages.get(0).label()).startsWith("测试村");

		List<Insights.HandoverRow> streets = insights.handoverDelays(all, Breakdown.TOWNSHIP, now, Locale.ENGLISH);
		String ja = String.valueOf(fixtures.townshipId("JA"));
		String hb = String.valueOf(fixtures.townshipId("HB"));
		assertThat(streets).extracting(Insights.HandoverRow::key).containsExactlyInAnyOrder(ja, hb);
		for (Insights.HandoverRow row : streets) {
			if (row.key().equals(ja)) {
				assertThat(row.delay()).isEqualTo(new HandoverDelay(2, 1, 10.0, 10.0));
			}
			else {
				assertThat(row.delay()).isEqualTo(new HandoverDelay(1, 1, 30.0, 30.0));
			}
		}
		assertThat(insights.handoverDelay(all.withTownship(TownshipId.of(fixtures.townshipId("HB"))), now))
			.isEqualTo(new HandoverDelay(1, 1, 30.0, 30.0));
		assertThat(insights.handoverDelays(all, Breakdown.WEEK, now, Locale.ENGLISH)).hasSize(3);
		// the dashboard's one reading of the whole and by street and village gives the
		// same
		Insights.HandoverTables tables = insights.handoverTables(all, now, Locale.ENGLISH);
		assertThat(tables.delay()).isEqualTo(total);
		assertThat(tables.rows().get(Breakdown.VILLAGE)).isEqualTo(villages);
		assertThat(tables.rows().get(Breakdown.TOWNSHIP)).isEqualTo(streets);
		assertThat(insights.handoverTables(all.withPeriod(a.monday().minusWeeks(1), a.monday().minusDays(1)), now,
				Locale.ENGLISH))
			.isEqualTo(new Insights.HandoverTables(HandoverDelay.NONE,
					Map.of(Breakdown.TOWNSHIP, List.of(), Breakdown.VILLAGE, List.of())));

		// the numbers drill down to exactly the hand-overs they count: the waiting one
		// first, then the slowest
		assertThat(insights.handovers(all, false, now)).extracting(HandoverDelay.Handover::id)
			.containsExactly(c.handover().id().value(), b.handover().id().value(), a.handover().id().value());
		assertThat(insights.handovers(all, true, now)).extracting(HandoverDelay.Handover::id)
			.containsExactly(c.handover().id().value());
		assertThat(insights.handovers(all, false, now).get(1).hours(now)).isCloseTo(30.0, within(1e-6));
		assertThat(insights.handovers(all.withTownship(TownshipId.of(fixtures.townshipId("HB"))), false, now))
			.extracting(HandoverDelay.Handover::id)
			.containsExactly(b.handover().id().value());
	}

}
