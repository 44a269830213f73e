package org.oneweek.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.ApproveFunding;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Deadlines;
import org.oneweek.casework.Escalations;
import org.oneweek.casework.Satisfaction;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure computed on a ledger built by hand, with the answers worked out
 * beforehand: on time and late, a reopened case, a declined and a merged one, no
 * callbacks, a case over a weekend and a holiday, a case received in another month; and
 * each drill-down returns exactly the cases its number counts.
 */
@OneweekTest
class InsightsMetricsTest {

	@Autowired
	Insights insights;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CaseFunding funding;

	@Autowired
	Escalations escalations;

	@Autowired
	Deadlines deadlines;

	@Autowired
	Cases cases;

	@Autowired
	CaseFixtures fixtures;

	AccountPrincipal admin;

	@BeforeEach
	void admin() {
		admin = fixtures.principal("admin");
	}

	/** A built ledger: the village, its team, the references by letter, and "now". */
	record Ledger(long village, Team team, Map<String, String> refs, Instant now, LocalDate friday) {

		MetricFilter filter() {
			return MetricFilter.ALL.withVillage(VillageId.of(village));
		}

	}

	/**
	 * Seven cases of a village that count (and one merged that does not):
	 * <ul>
	 * <li>A contacted and resolved on time, callback satisfied, funding 1000 asked, 800
	 * approved;</li>
	 * <li>B contacted and resolved late (escalated before contact), basically
	 * satisfied;</li>
	 * <li>C on time, unsatisfied, then reopened: judged on its new round, not contacted
	 * again (its new first-contact deadline, the end of the next working day like B's,
	 * passed too: escalated), overdue;</li>
	 * <li>D never touched: overdue, escalated;</li>
	 * <li>E declined; F merged into A (left out);</li>
	 * <li>H resolved on time, awaiting its callback;</li>
	 * <li>W received on a Friday afternoon by the department, the Monday after a holiday,
	 * contacted and resolved on Tuesday morning (on time only because weekend and holiday
	 * are not working days), callback unsatisfied.</li>
	 * </ul>
	 */
	Ledger ledger() {
		long village = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		Instant t = team.tuesday();
		Map<String, String> refs = new java.util.LinkedHashMap<>();
		for (String letter : List.of("A", "B", "C", "D", "E", "F", "H")) {
			refs.put(letter,
					intake
						.record(CaseFixtures.intake(village, "指标测试" + letter).toCommand(), team.lead(),
								t.plusSeconds(1))
						.reference());
		}
		Case b = cases.byReference(refs.get("B")).orElseThrow();
		Instant contactDue = b.firstContactDue();
		Instant resolutionDue = b.resolutionDue();

		actions.merge(refs.get("F"), refs.get("A"), "重复", admin, t.plus(Duration.ofMinutes(5)));
		actions.decline(refs.get("E"), "不属于本村事务", admin, t.plus(Duration.ofMinutes(10)));
		for (String onTime : List.of("A", "C", "H")) {
			actions.assign(refs.get(onTime), committee(), admin, t.plus(Duration.ofMinutes(20)));
			actions.start(refs.get(onTime), "已联系", admin, t.plus(Duration.ofMinutes(30)));
			actions.resolve(refs.get(onTime), new ResolveCase("已办结"), admin, t.plus(Duration.ofHours(3)));
		}
		funding.request(refs.get("A"), new RequestFunding(new BigDecimal("1000"), "街道", null), admin,
				t.plus(Duration.ofHours(1)));
		funding.approve(refs.get("A"), new ApproveFunding(new BigDecimal("800"), "区财政", "区政府", null), admin,
				t.plus(Duration.ofHours(2)));
		actions.close(refs.get("A"), new CloseCase(Satisfaction.SATISFIED, null), admin, t.plus(Duration.ofHours(4)));
		actions.close(refs.get("C"), new CloseCase(Satisfaction.UNSATISFIED, null), admin, t.plus(Duration.ofHours(4)));
		actions.reopen(refs.get("C"), "群众说还没修好", admin, t.plus(Duration.ofHours(5)));

		escalations.run(contactDue.plus(Duration.ofMinutes(1)));
		actions.assign(refs.get("B"), committee(), admin, contactDue.plus(Duration.ofMinutes(30)));
		actions.start(refs.get("B"), "已联系", admin, contactDue.plus(Duration.ofHours(1)));
		actions.resolve(refs.get("B"), new ResolveCase("已办结"), admin, resolutionDue.plus(Duration.ofHours(1)));
		actions.close(refs.get("B"), new CloseCase(Satisfaction.BASICALLY_SATISFIED, null), admin,
				resolutionDue.plus(Duration.ofHours(2)));

		// the weekend case, in a week of its own whose Monday is a holiday
		LocalDate holiday = fixtures.freshMonday();
		deadlines.setException(holiday, false, "测试假日", "test");
		LocalDate friday = holiday.minusDays(3);
		Instant fridayAfternoon = friday.atTime(LocalTime.of(16, 0)).atZone(CaseFixtures.ZONE).toInstant();
		Instant tuesdayMorning = holiday.with(DayOfWeek.TUESDAY)
			.atTime(LocalTime.of(10, 0))
			.atZone(CaseFixtures.ZONE)
			.toInstant();
		refs.put("W",
				intake.record(CaseFixtures.intake(village, "指标测试W").toCommand(), admin, fridayAfternoon).reference());
		actions.assign(refs.get("W"), committee(), admin, tuesdayMorning.minusSeconds(60));
		actions.start(refs.get("W"), "已联系", admin, tuesdayMorning);
		actions.resolve(refs.get("W"), new ResolveCase("已办结"), admin, tuesdayMorning.plusSeconds(120));
		actions.close(refs.get("W"), new CloseCase(Satisfaction.UNSATISFIED, null), admin,
				tuesdayMorning.plusSeconds(180));

		Instant now = holiday.plusWeeks(8).atStartOfDay(CaseFixtures.ZONE).toInstant();
		return new Ledger(village, team, refs, now, friday);
	}

	static AssignCase committee() {
		return new AssignCase(AssigneeKind.COMMITTEE, null, null, null, null, null);
	}

	@Test
	void everyFigureOfABuiltLedgerIsTheOneWorkedOutByHand() {
		Ledger l = ledger();
		Figures f = insights.figures(l.filter(), l.now());

		assertThat(f.cases()).isEqualTo(7);
		assertThat(f.count(Measure.CONTACT_DUE)).isEqualTo(6);
		assertThat(f.count(Measure.CONTACT_ON_TIME)).isEqualTo(3);
		assertThat(f.contactRate()).isEqualTo(0.5);
		assertThat(f.count(Measure.RESOLUTION_DUE)).isEqualTo(6);
		assertThat(f.count(Measure.RESOLVED_ON_TIME)).isEqualTo(3);
		assertThat(f.resolutionRate()).isEqualTo(0.5);
		assertThat(f.count(Measure.CALLBACKS)).isEqualTo(3);
		assertThat(f.count(Measure.SATISFIED)).isEqualTo(1);
		assertThat(f.count(Measure.BASICALLY_SATISFIED)).isEqualTo(1);
		assertThat(f.count(Measure.UNSATISFIED)).isEqualTo(1);
		assertThat(f.satisfactionRate()).isCloseTo((1 + 0.9) / 3, within(1e-9));
		assertThat(f.composite()).isCloseTo(0.1 * 0.5 + 0.5 * 0.5 + 0.4 * (1.9 / 3), within(1e-9));
		assertThat(f.count(Measure.AWAITING_CALLBACK)).isEqualTo(1);
		assertThat(f.count(Measure.OVERDUE)).isEqualTo(2);
		assertThat(f.count(Measure.REOPENED)).isEqualTo(1);
		assertThat(f.count(Measure.ESCALATED)).isEqualTo(3);
		assertThat(f.count(Measure.DECLINED)).isEqualTo(1);
		assertThat(f.count(Measure.FUNDING_REQUESTED)).isEqualTo(1);
		assertThat(f.fundingRequested()).isEqualByComparingTo("1000");
		assertThat(f.fundingApproved()).isEqualByComparingTo("800");
		assertThat(f.population()).isEqualTo(1000);
		assertThat(f.perThousandResidents()).isEqualTo(7.0);

		List<Case> all = cases.byIds(insights.caseIds(l.filter(), Measure.CASES, l.now(), 100));
		assertThat(f.contactHoursMedian()).isCloseTo(percentile(hours(all, true), 0.5), within(1e-6));
		assertThat(f.contactHoursP90()).isCloseTo(percentile(hours(all, true), 0.9), within(1e-6));
		assertThat(f.resolutionHoursMedian()).isCloseTo(percentile(hours(all, false), 0.5), within(1e-6));
		assertThat(f.resolutionHoursP90()).isCloseTo(percentile(hours(all, false), 0.9), within(1e-6));
		// W waited 90 hours over the weekend and the holiday, and was still on time
		assertThat(hours(all, true)).contains(90.0);
	}

	@Test
	void eachDrillDownListsExactlyTheCasesItsNumberCounts() {
		Ledger l = ledger();
		Figures f = insights.figures(l.filter(), l.now());
		for (Measure m : Measure.values()) {
			List<CaseId> ids = insights.caseIds(l.filter(), m, l.now(), 2000);
			assertThat(ids).as(m.name()).hasSize((int) f.count(m)).doesNotHaveDuplicates();
		}
		assertThat(references(l, Measure.CASES)).containsExactlyInAnyOrder(l.refs().get("A"), l.refs().get("B"),
				l.refs().get("C"), l.refs().get("D"), l.refs().get("E"), l.refs().get("H"), l.refs().get("W"));
		assertThat(references(l, Measure.CONTACT_ON_TIME)).containsExactlyInAnyOrder(l.refs().get("A"),
				l.refs().get("H"), l.refs().get("W"));
		assertThat(references(l, Measure.RESOLVED_ON_TIME)).containsExactlyInAnyOrder(l.refs().get("A"),
				l.refs().get("H"), l.refs().get("W"));
		assertThat(references(l, Measure.OVERDUE)).containsExactlyInAnyOrder(l.refs().get("C"), l.refs().get("D"));
		assertThat(references(l, Measure.ESCALATED)).containsExactlyInAnyOrder(l.refs().get("B"), l.refs().get("C"),
				l.refs().get("D"));
		assertThat(references(l, Measure.REOPENED)).containsExactly(l.refs().get("C"));
		assertThat(references(l, Measure.AWAITING_CALLBACK)).containsExactly(l.refs().get("H"));
		assertThat(references(l, Measure.SATISFIED)).containsExactly(l.refs().get("A"));
	}

	@Test
	void filtersByPeriodMemberAndBreakdownsAddUpToTheWhole() {
		Ledger l = ledger();
		// the Friday case alone: a case counts in the period it was received in
		Figures friday = insights.figures(l.filter().withPeriod(l.friday(), l.friday()), l.now());
		assertThat(friday.cases()).isEqualTo(1);
		assertThat(friday.contactRate()).isEqualTo(1.0);
		assertThat(friday.satisfactionRate()).isEqualTo(0.0);
		// the team lead recorded the six others (F merged is left out)
		Figures lead = insights.figures(l.filter().withMember(l.team().lead().memberId()), l.now());
		assertThat(lead.cases()).isEqualTo(6);

		Figures whole = insights.figures(l.filter(), l.now());
		for (Breakdown by : Breakdown.values()) {
			List<Insights.Row> rows = insights.breakdown(l.filter(), by, l.now(), java.util.Locale.CHINA);
			for (Measure m : Measure.values()) {
				assertThat(rows.stream().mapToLong((r) -> r.figures().count(m)).sum()).as(by + " " + m)
					.isEqualTo(whole.count(m));
			}
		}
		List<Insights.Row> months = insights.breakdown(l.filter(), Breakdown.MONTH, l.now(), java.util.Locale.CHINA);
		assertThat(months.stream().mapToLong((r) -> r.figures().cases()).sum()).isEqualTo(7);
		List<Insights.Row> villages = insights.breakdown(l.filter(), Breakdown.VILLAGE, l.now(),
				java.util.Locale.CHINA);
		assertThat(villages).singleElement().satisfies((r) -> {
			assertThat(r.label()).startsWith("测试村");
			assertThat(r.figures().perThousandResidents()).isEqualTo(7.0);
		});
	}

	@Test
	void withoutCallbacksTheSatisfactionRateIsEmptyAndTheCompositeWeighsTheOthers() {
		long village = fixtures.newVillage("HB");
		Team team = fixtures.team(village, fixtures.freshMonday());
		String ref = intake.record(CaseFixtures.intake(village, "无回访").toCommand(), team.lead(), team.tuesday())
			.reference();
		actions.assign(ref, committee(), admin, team.tuesday().plusSeconds(60));
		actions.start(ref, "已联系", admin, team.tuesday().plusSeconds(120));
		actions.resolve(ref, new ResolveCase("已办结"), admin, team.tuesday().plusSeconds(180));
		MetricFilter filter = MetricFilter.ALL.withVillage(VillageId.of(village));
		Figures f = insights.figures(filter, team.tuesday().plus(Duration.ofDays(30)));
		assertThat(f.count(Measure.CALLBACKS)).isZero();
		assertThat(f.satisfactionRate()).isNull();
		assertThat(f.contactRate()).isEqualTo(1.0);
		assertThat(f.resolutionRate()).isEqualTo(1.0);
		assertThat(f.composite()).isCloseTo(1.0, within(1e-9));

		Figures nothing = insights.figures(filter.withCategory("ROADS"), team.tuesday());
		assertThat(nothing.cases()).isZero();
		assertThat(nothing.contactRate()).isNull();
		assertThat(nothing.composite()).isNull();
	}

	private Set<String> references(Ledger l, Measure m) {
		return cases.byIds(insights.caseIds(l.filter(), m, l.now(), 2000))
			.stream()
			.map(Case::reference)
			.collect(Collectors.toSet());
	}

	private static List<Double> hours(List<Case> all, boolean contact) {
		List<Double> values = new ArrayList<>();
		for (Case c : all) {
			Instant end = contact ? c.firstContactAt() : c.resolvedAt();
			if (end != null) {
				values.add(Duration.between(c.receivedAt(), end).toMillis() / 3_600_000.0);
			}
		}
		Collections.sort(values);
		return values;
	}

	/** PostgreSQL's percentile_cont: linear between the two nearest ranks. */
	private static double percentile(List<Double> sorted, double p) {
		double rank = p * (sorted.size() - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
	}

}
