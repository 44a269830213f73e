package org.oneweek.reconciliation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.HandoverReports;
import org.oneweek.diary.InspectionId;
import org.oneweek.diary.Inspections;
import org.oneweek.diary.RecordFinding;
import org.oneweek.diary.RecordInspection;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.reconciliation.WeekReconciliation.Match;
import org.oneweek.reconciliation.WeekReconciliation.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The story's week in 东江村, reconciled with the real model: the garbage and the road heard
 * from villagers, on the officials' list and found on the walk; the parking on both
 * lists; the bridge heard and found but not listed, the allowance only heard (the
 * officials' blind spots); the ditch and the camera only listed. Then the team's
 * decisions.
 */
@OneweekTest
class ReconciliationTest {

	private static final AtomicInteger committees = new AtomicInteger();

	@Autowired
	Reconciliations reconciliations;

	@Autowired
	CaseIntake intake;

	@Autowired
	Inspections inspections;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Cases cases;

	@Autowired
	HandoverReconciliations handedOver;

	@Autowired
	HandoverReports reports;

	@Autowired
	MockMvc mvc;

	/** The story's week, recorded through the ledger and the diary. */
	record Week(VillageId village, Team team, AccountPrincipal committee, LocalDate tuesday, List<Long> villagers,
			List<Long> officials, List<Long> findings) {

		Instant at(int hour) {
			return tuesday.atTime(LocalTime.of(hour, 0)).atZone(CaseFixtures.ZONE).toInstant();
		}

	}

	/**
	 * The story's week in a new village, with a team of none of the given teams' members.
	 */
	Week storyWeek(Team... avoid) {
		long villageId = fixtures.newVillage("JA");
		VillageId village = VillageId.of(villageId);
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(villageId, monday, avoid);
		AccountPrincipal committee = committee(village);
		LocalDate tuesday = monday.with(DayOfWeek.TUESDAY);
		Instant friday = monday.minusDays(3).atTime(LocalTime.of(16, 0)).atZone(CaseFixtures.ZONE).toInstant();
		List<Long> officials = List.of(
				record(village, "ROADS", "村主干道路面破损严重，需申请资金修补", CaseSource.OFFICIALS_LIST, committee, friday),
				record(village, "SANITATION", "沿河垃圾收集点清运不及时", CaseSource.OFFICIALS_LIST, committee, friday),
				record(village, "PARKING", "节假日外来车辆停放无序，需划设停车位", CaseSource.OFFICIALS_LIST, committee, friday),
				record(village, "AGRICULTURE", "春耕前灌溉渠需要清淤", CaseSource.OFFICIALS_LIST, committee, friday),
				record(village, "PUBLIC_ORDER", "村口监控摄像头损坏两处", CaseSource.OFFICIALS_LIST, committee, friday));
		Instant morning = tuesday.atTime(LocalTime.of(9, 0)).atZone(CaseFixtures.ZONE).toInstant();
		AccountPrincipal lead = team.lead();
		List<Long> villagers = List.of(
				record(village, "SANITATION", "村东头河边垃圾堆了好几天没人清运，天热了臭得很", CaseSource.MORNING_MEETING, lead, morning),
				record(village, "ROADS", "去镇上的主路坑坑洼洼，下雨天电动车根本没法骑", CaseSource.MORNING_MEETING, lead, morning),
				record(village, "BRIDGES", "三组那座老石桥栏杆松了，孩子上学要过桥，担心出事", CaseSource.MORNING_MEETING, lead, morning),
				record(village, "PARKING", "周末来钓鱼的外地车乱停，把村道堵死了，拖拉机出不去", CaseSource.WALK_IN, lead, morning),
				record(village, "WATER", "自来水这个月停了三次，没有提前通知", CaseSource.PHONE, lead, morning),
				record(village, "NEIGHBOURS", "隔壁盖房子占了我家的排水沟，协商不成", CaseSource.MORNING_MEETING, lead, morning),
				record(village, "SOCIAL_SECURITY", "老伴的高龄补贴三个月没到账，不知道找谁问", CaseSource.MORNING_MEETING, lead, morning));
		InspectionId walk = inspections.record(
				new RecordInspection(tuesday, "河堤 → 通镇道路 → 三组石桥", "街道城管科", null, List.of()), lead,
				morning.plusSeconds(4 * 3600));
		List<Long> findings = List.of(finding(walk, "BRIDGES", "三组石桥护栏两处松动，桥面有裂缝，建议加固", lead, morning),
				finding(walk, "SANITATION", "河岸垃圾点满溢，约两车垃圾未清", lead, morning),
				finding(walk, "ROADS", "通镇道路约800米坑洼，积水严重", lead, morning));
		return new Week(village, team, committee, tuesday, villagers, officials, findings);
	}

	long record(VillageId village, String category, String title, CaseSource source, AccountPrincipal by, Instant at) {
		return intake.record(RecordCase.of(village, category, title).withSource(source), by, at).id().value();
	}

	/**
	 * A finding recorded as a new case (source: inspection), as the story's walk does.
	 */
	long finding(InspectionId walk, String category, String text, AccountPrincipal by, Instant morning) {
		return inspections.addFinding(walk,
				new RecordFinding(text, null, null, FindingOutcome.NEW_CASE, category, null, null), null, by,
				morning.plusSeconds(5 * 3600));
	}

	AccountPrincipal committee(VillageId village) {
		String username = "committee-rc-" + ProcessHandle.current().pid() + "-" + committees.incrementAndGet();
		accounts.create(new CreateAccount(username, "村委会刘芳", Set.of(Role.COMMITTEE), null, village, null,
				"reconcile-" + System.nanoTime() + "-Xq"), "test", true);
		return fixtures.principal(username);
	}

	static ItemRef v(Week week, int n) {
		return new ItemRef(ItemKind.VILLAGER, week.villagers().get(n - 1));
	}

	static ItemRef o(Week week, int n) {
		return new ItemRef(ItemKind.OFFICIAL, week.officials().get(n - 1));
	}

	static ItemRef f(Week week, int n) {
		return new ItemRef(ItemKind.FINDING, week.findings().get(n - 1));
	}

	static Set<ItemRef> refs(Match match) {
		return Set.copyOf(match.items().stream().map(Item::ref).toList());
	}

	@Test
	void theWeeksThreeListsAreMatchedByMeaningWithBlindSpotsLeftOver() {
		Week week = storyWeek();
		WeekReconciliation r = reconciliations.week(week.village(), week.tuesday(), week.team().lead());

		assertThat(r.villagers()).hasSize(7);
		assertThat(r.officials()).hasSize(5);
		assertThat(r.findings()).hasSize(3);
		assertThat(r.matches()).extracting(ReconciliationTest::refs)
			.containsExactlyInAnyOrder(Set.of(v(week, 1), o(week, 2), f(week, 2)),
					Set.of(v(week, 2), o(week, 1), f(week, 3)), Set.of(v(week, 3), f(week, 1)),
					Set.of(v(week, 4), o(week, 3)));
		assertThat(r.pending()).hasSize(8).allSatisfy((p) -> {
			assertThat(p.score()).isGreaterThan(0);
			assertThat(p.reasons()).extracting(Reason::key).contains("reconciliation.reason.meaning");
		});
		assertThat(r.lines(Outcome.VILLAGER_ONLY)).hasSize(4);
		assertThat(r.lines(Outcome.OFFICIAL_ONLY)).hasSize(2);
		assertThat(r.lines(Outcome.MATCHED)).hasSize(3);
		assertThat(r.lines(Outcome.FINDING_ONLY)).isEmpty();
		// every item's embedding is stored now
		assertThat(jdbc.sql("select count(*) from reconciliation_embedding where kind = 'F' and item_id in (:ids)")
			.param("ids", week.findings())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void decisionsStandWhenTheMatchingRunsAgain() {
		Week week = storyWeek();
		AccountPrincipal lead = week.team().lead();
		// the bridge and the allowance are not the same problem, the team says, and the
		// allowance was on nobody's list; the water cut is the camera (by hand, wrongly
		// but it is their decision)
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 3), f(week, 1)), Verdict.REJECTED, false,
				lead, week.at(16));
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 4), o(week, 3)), Verdict.CONFIRMED,
				false, lead, week.at(16));
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 5), o(week, 5)), Verdict.CONFIRMED, true,
				lead, week.at(16));

		WeekReconciliation again = reconciliations.week(week.village(), week.tuesday(), lead);
		assertThat(again.matches()).extracting(ReconciliationTest::refs)
			.contains(Set.of(v(week, 4), o(week, 3)), Set.of(v(week, 5), o(week, 5)))
			.doesNotContain(Set.of(v(week, 3), f(week, 1)));
		assertThat(again.rejected()).extracting(Decision::pair).containsExactly(Pair.of(v(week, 3), f(week, 1)));
		Match manual = again.matches()
			.stream()
			.filter((m) -> refs(m).equals(Set.of(v(week, 5), o(week, 5))))
			.findFirst()
			.orElseThrow();
		assertThat(manual.pairs()).singleElement().satisfies((p) -> {
			assertThat(p.standing()).isEqualTo(Proposal.Standing.CONFIRMED);
			assertThat(p.decision().manual()).isTrue();
			assertThat(p.decision().decidedBy()).isEqualTo(lead.displayName());
		});
	}

	@Test
	void onlyTheTeamAndTheDepartmentDecideAndTheCommitteeReadsItsOwnVillage() {
		Week week = storyWeek();
		// another village's team, none of whom served on this one (they would read it)
		Week other = storyWeek(week.team());
		assertThat(reconciliations.week(week.village(), week.tuesday(), week.committee()).officials()).hasSize(5);
		assertThatThrownBy(() -> reconciliations.week(week.village(), week.tuesday(), other.committee()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reconciliations.week(week.village(), week.tuesday(), other.team().lead()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 1), o(week, 2)),
				Verdict.CONFIRMED, false, week.committee(), week.at(16)))
			.isInstanceOf(AccessDeniedException.class);
		// an item of another village is not on this week's lists
		assertThatThrownBy(() -> reconciliations.decide(week.village(), week.tuesday(),
				Pair.of(v(week, 1), o(other, 2)), Verdict.CONFIRMED, true, week.team().lead(), week.at(16)))
			.isInstanceOf(ReconciliationRuleException.class)
			.hasMessage("reconciliation.item.notThisWeek");
	}

	@Test
	void aConfirmedPairCrossReferencesItsCasesAndTheDuplicateCanBeMerged() {
		Week week = storyWeek();
		AccountPrincipal lead = week.team().lead();
		Pair garbage = Pair.of(v(week, 1), o(week, 2));
		reconciliations.decide(week.village(), week.tuesday(), garbage, Verdict.CONFIRMED, false, lead, week.at(16));
		assertThat(reconciliations.link(week.village(), week.tuesday(), garbage, lead, week.at(16))).isEqualTo(2);
		Case villagers = cases.byId(CaseId.of(week.villagers().get(0))).orElseThrow();
		Case officials = cases.byId(CaseId.of(week.officials().get(1))).orElseThrow();
		assertThat(cases.events(villagers.id())).extracting((e) -> String.valueOf(e.get("text")))
			.anySatisfy((note) -> assertThat(note).contains(officials.reference())
				.contains("沿河垃圾收集点清运不及时")
				.contains(lead.displayName()));
		assertThat(cases.events(officials.id())).extracting((e) -> String.valueOf(e.get("text")))
			.anySatisfy((note) -> assertThat(note).contains(villagers.reference()));

		// not confirmed yet: no merge
		assertThatThrownBy(() -> reconciliations.merge(week.village(), week.tuesday(), Pair.of(v(week, 4), o(week, 3)),
				lead, week.at(16)))
			.hasMessage("reconciliation.merge.notConfirmed");
		reconciliations.merge(week.village(), week.tuesday(), garbage, lead, week.at(17));
		assertThat(cases.byId(officials.id()).orElseThrow().state()).isEqualTo(CaseState.MERGED);
		assertThat(cases.byId(officials.id()).orElseThrow().mergedIntoId()).isEqualTo(villagers.id());
		// the officials still listed it, and it still matches
		WeekReconciliation after = reconciliations.week(week.village(), week.tuesday(), lead);
		assertThat(after.officials()).hasSize(5);
		assertThat(after.matches()).extracting(ReconciliationTest::refs)
			.contains(Set.of(v(week, 1), o(week, 2), f(week, 2)));
	}

	@Test
	void anIntakeSeesTheVillagesOpenCasesThatLookLikeTheSameProblem() {
		Week week = storyWeek();
		AccountPrincipal lead = week.team().lead();
		List<Reconciliations.Similar> garbage = reconciliations.similar(week.village(), "SANITATION", "河边那堆垃圾还是没人来拉走",
				null, lead, week.at(18));
		assertThat(garbage).isNotEmpty();
		assertThat(garbage.get(0).c().id().value()).isEqualTo(week.villagers().get(0));
		assertThat(garbage).allSatisfy((s) -> assertThat(s.reasons()).isNotEmpty());
		List<Reconciliations.Similar> bridge = reconciliations.similar(week.village(), "BRIDGES", "三组石桥的栏杆晃得厉害", null,
				lead, week.at(18));
		assertThat(bridge).isNotEmpty();
		assertThat(bridge.get(0).c().title()).contains("石桥");
		// another village's committee sees none of this village's cases
		assertThat(reconciliations.similar(week.village(), "SANITATION", "河边那堆垃圾还是没人来拉走", null, storyWeek().committee(),
				week.at(18)))
			.isEmpty();
	}

	@Test
	void anItemWhoseTextChangedGetsAFreshEmbedding() {
		Week week = storyWeek();
		reconciliations.week(week.village(), week.tuesday(), week.team().lead());
		long id = week.villagers().get(0);
		String before = jdbc.sql("select text_digest from reconciliation_embedding where kind = 'V' and item_id = ?")
			.param(id)
			.query(String.class)
			.single();
		// as if the text had been computed from something else
		jdbc.sql("update reconciliation_embedding set text_digest = 'stale' where kind = 'V' and item_id = ?")
			.param(id)
			.update();
		reconciliations.week(week.village(), week.tuesday(), week.team().lead());
		assertThat(jdbc.sql("select text_digest from reconciliation_embedding where kind = 'V' and item_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(before);
	}

	@Test
	void theHandOverKeepsTheWeeksReconciliationAsItStoodThen() throws Exception {
		Week week = storyWeek();
		AccountPrincipal lead = week.team().lead();
		fixtures.team(week.village().value(), week.team().monday().plusWeeks(1), week.team());
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 4), o(week, 3)), Verdict.CONFIRMED,
				false, lead, week.at(16));
		assertThat(handedOver.of(week.team().termId(), lead)).isEmpty();
		String page = "/reconciliation/terms/" + week.team().termId().value();
		mvc.perform(get(page).with(user(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("recon-not-frozen")));
		Instant sunday = week.at(18).plus(java.time.Duration.ofDays(5));

		reports.handOver(lead, week.team().termId(), sunday);

		HandoverReconciliation frozen = handedOver.of(week.team().termId(), lead).orElseThrow();
		assertThat(frozen.frozenAt()).isEqualTo(sunday);
		assertThat(frozen.villagers()).isEqualTo(7);
		assertThat(frozen.officials()).isEqualTo(5);
		assertThat(frozen.findings()).isEqualTo(3);
		assertThat(frozen.total().matched()).isEqualTo(3);
		assertThat(frozen.total().villagerOnly()).isEqualTo(4);
		assertThat(frozen.total().officialOnly()).isEqualTo(2);
		assertThat(frozen.lines(Outcome.VILLAGER_ONLY)).hasSize(4);
		// the parking, confirmed by the lead before the hand-over, says who confirmed it
		HandoverReconciliation.Line parking = frozen.lines(Outcome.MATCHED)
			.stream()
			.filter((l) -> l.category().equals("PARKING"))
			.findFirst()
			.orElseThrow();
		assertThat(parking.pending()).isFalse();
		assertThat(parking.confirmations()).singleElement().satisfies((c) -> {
			assertThat(c.by()).isEqualTo(lead.displayName());
			assertThat(c.at()).isEqualTo(week.at(16));
		});
		Case parked = cases.byId(CaseId.of(week.villagers().get(3))).orElseThrow();
		assertThat(parking.items()).extracting(HandoverReconciliation.Entry::title).contains(parked.publicTitle());
		assertThat(parking.items()).extracting(HandoverReconciliation.Entry::reference).contains(parked.reference());

		// after the hand-over the team still decides: the live week changes, the frozen
		// one
		// does not
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 5), o(week, 5)), Verdict.CONFIRMED, true,
				lead, sunday.plusSeconds(3600));
		reconciliations.decide(week.village(), week.tuesday(), Pair.of(v(week, 4), o(week, 3)), Verdict.REJECTED, false,
				lead, sunday.plusSeconds(3600));
		WeekReconciliation live = reconciliations.week(week.village(), week.tuesday(), lead);
		assertThat(live.matches()).extracting(ReconciliationTest::refs)
			.contains(Set.of(v(week, 5), o(week, 5)))
			.doesNotContain(Set.of(v(week, 4), o(week, 3)));
		assertThat(handedOver.of(week.team().termId(), lead)).contains(frozen);
		// a second freeze (the ledger's event arriving late) changes nothing
		handedOver.freeze(week.team().termId(), sunday.plusSeconds(7200));
		assertThat(handedOver.of(week.team().termId(), lead)).contains(frozen);
		// the frozen report shows the frozen reconciliation, in either language
		mvc.perform(get("/diary/reports/" + week.team().termId().value()).with(user(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"" + page + "\"")));
		mvc.perform(get(page).with(user(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("recon-frozen")))
			.andExpect(content().string(containsString(parked.publicTitle())))
			.andExpect(content().string(containsString(lead.displayName() + " 于")));
		mvc.perform(get(page).with(user(lead)).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("as it stood at the hand-over")));
		mvc.perform(get(page).with(user(storyWeek().committee()))).andExpect(status().isForbidden());
		mvc.perform(get("/reconciliation/terms/999999999").with(user(lead))).andExpect(status().is4xxClientError());
		// read by whoever reads the report; another village's committee does not
		assertThat(handedOver.of(week.team().termId(), week.committee())).contains(frozen);
		assertThatThrownBy(() -> handedOver.of(week.team().termId(), storyWeek().committee()))
			.isInstanceOf(AccessDeniedException.class);
	}

}
