package org.oneweek.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Cases;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.InspectionId;
import org.oneweek.diary.Inspections;
import org.oneweek.diary.RecordFinding;
import org.oneweek.diary.RecordInspection;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.reconciliation.Item;
import org.oneweek.reconciliation.ItemKind;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.reconciliation.Reconciliations;
import org.oneweek.reconciliation.Verdict;
import org.oneweek.reconciliation.WeekReconciliation.Line;
import org.oneweek.reconciliation.WeekReconciliation.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The blind spots from the stored reconciliation of each village-week: equal to the
 * recomputation, and following at once every kind of change the reconciliation reads (a
 * new villagers' case, a merge, the officials' list, a team's decision, a finding); the
 * check compares the stored rows with a recomputation and finds a corrupted one.
 */
@OneweekTest
class InsightsBlindSpotStoreTest {

	private static final AtomicInteger committees = new AtomicInteger();

	@Autowired
	Insights insights;

	@Autowired
	Reconciliations reconciliations;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	Cases cases;

	@Autowired
	Inspections inspections;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theStoredFigureIsTheRecomputedOneAndFollowsEveryChangeAtOnce() throws Exception {
		VillageId village = VillageId.of(fixtures.newVillage("JA"));
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village.value(), monday);
		AccountPrincipal lead = team.lead();
		AccountPrincipal committee = committee(village);
		Instant friday = monday.minusDays(3).atTime(LocalTime.of(16, 0)).atZone(CaseFixtures.ZONE).toInstant();
		Instant tuesday = monday.with(DayOfWeek.TUESDAY)
			.atTime(LocalTime.of(9, 0))
			.atZone(CaseFixtures.ZONE)
			.toInstant();
		Instant after = monday.plusWeeks(2).atStartOfDay(CaseFixtures.ZONE).toInstant();
		MetricFilter filter = MetricFilter.ALL.withVillage(village);
		CaseId garbageList = record(village, "SANITATION", "沿河垃圾收集点清运不及时", CaseSource.OFFICIALS_LIST, committee,
				friday);
		CaseId garbage = record(village, "SANITATION", "村东头河边垃圾堆了好几天没人清运，天热了臭得很", CaseSource.MORNING_MEETING, lead,
				tuesday);
		CaseId bridge = record(village, "BRIDGES", "三组那座老石桥栏杆松了，孩子上学要过桥，担心出事", CaseSource.MORNING_MEETING, lead,
				tuesday.plusSeconds(60));
		BlindSpotRate first = insights.blindSpots(filter, after);
		assertThat(first).isEqualTo(recomputed(village, monday));
		assertThat(first.problemCases()).contains(garbage, bridge);
		assertThat(first.blindCases()).contains(bridge);
		assertThat(stored(village, monday)).isPositive();

		// a new villagers' case: one more problem, a blind spot
		CaseId water = record(village, "WATER", "自来水这个月停了三次，没有提前通知", CaseSource.PHONE, lead, tuesday.plusSeconds(120));
		BlindSpotRate second = insights.blindSpots(filter, after);
		assertThat(second).isEqualTo(recomputed(village, monday));
		assertThat(second.problems()).isEqualTo(first.problems() + 1);
		assertThat(second.blindCases()).contains(water);

		// the officials' list (as its import records it): the water was on it after all
		Instant saturday = monday.minusDays(2).atTime(LocalTime.of(10, 0)).atZone(CaseFixtures.ZONE).toInstant();
		CaseId waterList = record(village, "WATER", "自来水这个月停了三次，没有提前通知", CaseSource.OFFICIALS_LIST, committee,
				saturday);
		BlindSpotRate third = insights.blindSpots(filter, after);
		assertThat(third).isEqualTo(recomputed(village, monday));
		assertThat(third.blindCases()).doesNotContain(water);
		assertThat(third.blind()).isEqualTo(second.blind() - 1);

		// a team's decision: the water is not the officials' water
		reconciliations.decide(village, monday,
				Pair.of(new ItemRef(ItemKind.VILLAGER, water.value()),
						new ItemRef(ItemKind.OFFICIAL, waterList.value())),
				Verdict.REJECTED, true, lead, tuesday.plusSeconds(3600));
		BlindSpotRate fourth = insights.blindSpots(filter, after);
		assertThat(fourth).isEqualTo(recomputed(village, monday));
		assertThat(fourth.blindCases()).contains(water);
		// and the garbage is the officials' garbage, by hand
		reconciliations.decide(village, monday,
				Pair.of(new ItemRef(ItemKind.VILLAGER, garbage.value()),
						new ItemRef(ItemKind.OFFICIAL, garbageList.value())),
				Verdict.CONFIRMED, true, lead, tuesday.plusSeconds(3700));
		BlindSpotRate fifth = insights.blindSpots(filter, after);
		assertThat(fifth).isEqualTo(recomputed(village, monday));
		assertThat(fifth.blindCases()).doesNotContain(garbage);
		assertThat(fifth.problemCases()).contains(garbage);

		// a change of state: a second report of the bridge merged into the first leaves
		// the villagers' problems
		CaseId bridgeAgain = record(village, "BRIDGES", "老石桥的栏杆松动了", CaseSource.WALK_IN, lead,
				tuesday.plusSeconds(180));
		BlindSpotRate sixth = insights.blindSpots(filter, after);
		assertThat(sixth).isEqualTo(recomputed(village, monday));
		assertThat(sixth.problemCases()).contains(bridgeAgain);
		actions.merge(reference(bridgeAgain), reference(bridge), "同一问题", fixtures.principal("admin"),
				tuesday.plusSeconds(7200));
		BlindSpotRate seventh = insights.blindSpots(filter, after);
		assertThat(seventh).isEqualTo(recomputed(village, monday));
		assertThat(seventh.problemCases()).doesNotContain(bridgeAgain);

		// a finding of the week's walk (only noted): the week is marked and computed
		// again
		long marks = staleMarks(village, monday);
		InspectionId walk = inspections.record(
				new RecordInspection(monday.with(DayOfWeek.TUESDAY), "河堤 → 三组石桥", "街道城管科", null, List.of()), lead,
				tuesday.plusSeconds(4 * 3600));
		inspections.addFinding(walk,
				new RecordFinding("三组石桥护栏两处松动，桥面有裂缝", null, null, FindingOutcome.NOTE, null, null, null), null, lead,
				tuesday.plusSeconds(5 * 3600));
		assertThat(staleMarks(village, monday)).isGreaterThan(marks);
		assertThat(insights.blindSpots(filter, after)).isEqualTo(recomputed(village, monday)).isEqualTo(seventh);
		assertThat(staleMarks(village, monday)).isZero();

		// by category, from the stored rows with the filter in SQL: as the recomputation
		assertThat(insights.blindSpots(filter.withCategory("WATER"), after).problemCases()).containsExactly(water);
		assertThat(insights.blindSpots(filter.withCategory("WATER"), after).blind()).isEqualTo(1);

		// the district's figure (the dashboard's) holds the village's
		BlindSpotRate district = insights.blindSpots(MetricFilter.ALL.withPeriod(monday, monday.plusDays(6)), after);
		assertThat(district.problemCases()).containsAll(seventh.problemCases());
		assertThat(district.blindCases()).containsAll(seventh.blindCases());

		// the rebuild and the check: nothing differs; a corrupted row is found
		AccountPrincipal admin = fixtures.principal("admin");
		String rebuilt = mvc.perform(post("/api/v1/insights/summary/rebuild").with(user(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rebuilt).contains("\"blindSpotWeeks\":");
		assertThat(check(admin)).contains("\"blindSpotDiffering\":0");
		assertThat(insights.checkSummary().blindSpotWeeks()).isPositive();
		jdbc.sql("update reconciliation_problem set blind = not blind where village_id = ? and week_start = ?")
			.params(village.value(), monday)
			.update();
		SummaryCheck corrupted = insights.checkSummary();
		assertThat(corrupted.blindSpotDiffering()).isPositive();
		assertThat(corrupted.consistent()).isFalse();
		assertThat(check(admin)).doesNotContain("\"blindSpotDiffering\":0");
		// repaired by the rebuild
		insights.rebuildBlindSpots(after);
		assertThat(insights.checkSummary().blindSpotDiffering()).isZero();
		assertThat(insights.blindSpots(filter, after)).isEqualTo(seventh);
	}

	@Test
	void weeksNeverStoredAreComputedWhenRead() {
		VillageId village = VillageId.of(fixtures.newVillage("HB"));
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village.value(), monday);
		Instant tuesday = monday.with(DayOfWeek.TUESDAY)
			.atTime(LocalTime.of(9, 0))
			.atZone(CaseFixtures.ZONE)
			.toInstant();
		CaseId allowance = record(village, "SOCIAL_SECURITY", "老伴的高龄补贴三个月没到账，不知道找谁问", CaseSource.MORNING_MEETING,
				team.lead(), tuesday);
		// as if the week had been loaded by other means: no stored result
		jdbc.sql("delete from reconciliation_week where village_id = ?").param(village.value()).update();
		jdbc.sql("delete from reconciliation_problem where village_id = ?").param(village.value()).update();
		jdbc.sql("delete from reconciliation_week_stale where village_id = ?").param(village.value()).update();
		Instant after = monday.plusWeeks(2).atStartOfDay(CaseFixtures.ZONE).toInstant();
		BlindSpotRate rate = insights.blindSpots(MetricFilter.ALL.withVillage(village), after);
		assertThat(rate.blindCases()).containsExactly(allowance);
		assertThat(rate).isEqualTo(recomputed(village, monday));
		assertThat(stored(village, monday)).isEqualTo(1);
	}

	@Test
	void theBackgroundCatchUpReconcilesTheRecentWeeksNotStoredWithinItsTime() {
		VillageId village = VillageId.of(fixtures.newVillage("HB"));
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village.value(), monday);
		Instant tuesday = monday.with(DayOfWeek.TUESDAY)
			.atTime(LocalTime.of(9, 0))
			.atZone(CaseFixtures.ZONE)
			.toInstant();
		record(village, "WATER", "井水发浑，烧开了也有味道", CaseSource.MORNING_MEETING, team.lead(), tuesday);
		jdbc.sql("delete from reconciliation_week where village_id = ?").param(village.value()).update();
		jdbc.sql("delete from reconciliation_problem where village_id = ?").param(village.value()).update();
		jdbc.sql("delete from reconciliation_week_stale where village_id = ?").param(village.value()).update();
		Instant after = monday.plusWeeks(2).atStartOfDay(CaseFixtures.ZONE).toInstant();
		// no time at all: nothing is stored, the week is for a later run
		assertThat(reconciliations.store(List.of(new Reconciliations.VillageWeek(village, monday)), false, after,
				java.time.Duration.ZERO))
			.isZero();
		assertThat(stored(village, monday)).isZero();
		assertThat(insights.catchUpBlindSpots(after, java.time.Duration.ofSeconds(60))).isPositive();
		assertThat(stored(village, monday)).isEqualTo(1);
		assertThat(insights.blindSpots(MetricFilter.ALL.withVillage(village), after).pendingWeeks()).isZero();
	}

	private String check(AccountPrincipal admin) throws Exception {
		return mvc.perform(get("/api/v1/insights/summary/check").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

	/**
	 * The rate as computed before the stored rows: every line of the week reconciled now.
	 */
	private BlindSpotRate recomputed(VillageId village, LocalDate monday) {
		List<CaseId> all = new ArrayList<>();
		List<CaseId> blind = new ArrayList<>();
		int problems = 0;
		int blindCount = 0;
		List<List<Item>> lines = new ArrayList<>();
		List<Boolean> blinds = new ArrayList<>();
		for (Line line : reconciliations.computed(village, monday).lines()) {
			if (line.outcome() != Outcome.MATCHED && line.outcome() != Outcome.VILLAGER_ONLY) {
				continue;
			}
			List<Item> villagers = line.items()
				.stream()
				.filter((i) -> i.kind() == ItemKind.VILLAGER && i.caseId() != null)
				.sorted(java.util.Comparator.comparing(Item::at).thenComparing(Item::caseId))
				.toList();
			if (!villagers.isEmpty()) {
				lines.add(villagers);
				blinds.add(line.outcome() == Outcome.VILLAGER_ONLY);
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			order.add(i);
		}
		order.sort(java.util.Comparator.comparing((Integer i) -> lines.get(i).get(0).at())
			.thenComparing((i) -> lines.get(i).get(0).caseId()));
		for (int i : order) {
			problems++;
			lines.get(i).forEach((item) -> all.add(CaseId.of(item.caseId())));
			if (blinds.get(i)) {
				blindCount++;
				lines.get(i).forEach((item) -> blind.add(CaseId.of(item.caseId())));
			}
		}
		return new BlindSpotRate(problems, blindCount, all, blind);
	}

	private long staleMarks(VillageId village, LocalDate monday) {
		return jdbc.sql("select count(*) from reconciliation_week_stale where village_id = ? and week_start = ?")
			.params(village.value(), monday)
			.query(Long.class)
			.single();
	}

	private long stored(VillageId village, LocalDate monday) {
		return jdbc
			.sql("select count(*) from reconciliation_problem where village_id = ? and week_start = ? and kind = 'V'")
			.params(village.value(), monday)
			.query(Long.class)
			.single();
	}

	private String reference(CaseId id) {
		return cases.byId(id).orElseThrow().reference();
	}

	CaseId record(VillageId village, String category, String title, CaseSource source, AccountPrincipal by,
			Instant at) {
		return intake.record(RecordCase.of(village, category, title).withSource(source), by, at).id();
	}

	AccountPrincipal committee(VillageId village) {
		String username = "committee-bss-" + ProcessHandle.current().pid() + "-" + committees.incrementAndGet();
		accounts.create(new CreateAccount(username, "村委会刘芳", Set.of(Role.COMMITTEE), null, village, null,
				"blindstore-" + System.nanoTime() + "-Xq"), "test", true);
		return fixtures.principal(username);
	}

}
