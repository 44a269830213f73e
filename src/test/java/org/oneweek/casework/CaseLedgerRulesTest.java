package org.oneweek.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's promises under load and over time: unique numbers, one case per request,
 * one escalation per deadline, hand-over across terms, search in Chinese.
 */
@OneweekTest
class CaseLedgerRulesTest {

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
	CaseInquiries inquiries;

	@Autowired
	CaseAccess access;

	@Autowired
	Escalations escalations;

	@Autowired
	Handovers handovers;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Team team() {
		return fixtures.team(fixtures.newVillage("QS"), fixtures.freshMonday());
	}

	@Test
	void aThousandCasesFromTwentyThreadsGetAThousandDifferentNumbers() throws Exception {
		Team team = team();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<String>> intakes = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				int n = i;
				intakes.add(
						() -> intake
							.record(CaseFixtures.intake(team.villageId(), "并发记录 " + n).toCommand(),
									team.people().get(n % 3), team.tuesday().plusMillis(n))
							.reference());
			}
			Set<String> references = new HashSet<>();
			for (Future<String> f : pool.invokeAll(intakes)) {
				references.add(f.get());
			}
			assertThat(references).hasSize(1000);
			assertThat(jdbc.sql("select count(distinct reference) from case_file where village_id = ?")
				.param(team.villageId())
				.query(Long.class)
				.single()).isEqualTo(1000);
			assertThat(jdbc.sql("""
					select count(*) from case_event e join case_file c on c.id = e.case_id
					where c.village_id = ? and e.kind = 'RECEIVED'""")
				.param(team.villageId())
				.query(Long.class)
				.single()).isEqualTo(1000);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theSameRequestSentConcurrentlyCreatesOneCase() throws Exception {
		Team team = team();
		String key = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<CaseIntake.Recorded>> sends = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sends.add(() -> {
					IntakeForm form = CaseFixtures.intake(team.villageId(), "重复点了保存");
					form.setIdempotencyKey(key);
					return intake.record(form.toCommand(), team.lead(), team.tuesday());
				});
			}
			Set<String> references = new HashSet<>();
			int repeated = 0;
			for (Future<CaseIntake.Recorded> f : pool.invokeAll(sends)) {
				references.add(f.get().reference());
				repeated += f.get().repeated() ? 1 : 0;
			}
			assertThat(references).hasSize(1);
			assertThat(repeated).isEqualTo(7);
		}
		finally {
			pool.shutdownNow();
		}
		IntakeForm different = CaseFixtures.intake(team.villageId(), "另一件事");
		different.setIdempotencyKey(key);
		assertThatThrownBy(() -> intake.record(different.toCommand(), team.lead(), team.tuesday()))
			.hasMessage("case.idempotency.mismatch");
	}

	@Test
	void anOverdueCaseEscalatesOncePerLevelEvenWithTwoInstancesRunning() throws Exception {
		Team team = team();
		AccountPrincipal troubleshooter = fixtures.troubleshooter("QS", team.monday());
		IntakeForm form = CaseFixtures.intake(team.villageId(), "垃圾清运不及时");
		form.setType(CaseType.HELP);
		String ref = intake.record(form.toCommand(), team.lead(), team.tuesday()).reference();
		Case c = cases.byReference(ref).orElseThrow();
		// three working days later and a bit: both deadlines passed, the second level not
		// yet
		Instant late = c.resolutionDue().plus(Duration.ofHours(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(() -> escalations.run(late), () -> escalations.run(late));
			for (Future<Integer> f : pool.invokeAll(runs)) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		escalations.run(late.plusSeconds(60));
		List<CaseEvent> escalated = cases.events(c.id())
			.stream()
			.filter((e) -> e.kind() == CaseEvent.Kind.ESCALATED)
			.toList();
		// first contact was due long before: levels 1 and 2; resolution just passed:
		// level 1
		assertThat(escalated).extracting((e) -> e.get("deadline") + "/" + e.get("level"))
			.containsExactlyInAnyOrder("FIRST_CONTACT/1", "FIRST_CONTACT/2", "RESOLUTION/1");
		assertThat(escalated).filteredOn((e) -> Integer.valueOf(1).equals(e.get("level")))
			.allSatisfy((e) -> assertThat(e.get("memberId")).isEqualTo((int) troubleshooter.memberId().value()));
		assertThat(cases.byReference(ref).orElseThrow().escalationLevel()).isEqualTo(2);
		// a day later the resolution deadline goes to the department, once
		escalations.run(late.plus(Duration.ofHours(25)));
		escalations.run(late.plus(Duration.ofHours(26)));
		assertThat(cases.events(c.id()).stream().filter((e) -> e.kind() == CaseEvent.Kind.ESCALATED)).hasSize(4);
		// the overdue case is on the troubleshooter's list (their area, their week),
		// first for its village
		String other = intake.record(CaseFixtures.intake(team.villageId(), "新的一般问题").toCommand(), team.lead(), late)
			.reference();
		CaseSearch.Page list = inquiries.search(
				CaseSearch.all().withVillage(VillageId.of(team.villageId())).openOnly(true).byPriority(),
				access.standing(troubleshooter, late.atZone(CaseFixtures.ZONE).toLocalDate()), late, 0, 20);
		assertThat(list.cases()).extracting(Case::reference).containsExactly(ref, other);
	}

	@Test
	void openCasesPassThroughThreeConsecutiveTermsAndAreNeverWithoutATeam() {
		long village = fixtures.newVillage("HB");
		var monday = fixtures.freshMonday();
		Team first = fixtures.team(village, monday);
		Team second = fixtures.team(village, monday.plusWeeks(1), first);
		Team third = fixtures.team(village, monday.plusWeeks(2), first, second);
		Instant t = first.tuesday();
		String culvert = intake.record(CaseFixtures.intake(village, "涵洞漏水").toCommand(), first.lead(), t).reference();
		String ditch = intake.record(CaseFixtures.intake(village, "排水沟纠纷").toCommand(), first.lead(), t).reference();
		String solved = intake.record(CaseFixtures.intake(village, "路灯").toCommand(), first.lead(), t).reference();
		actions.decline(solved, "已由供电所处理", first.lead(), t.plusSeconds(5));

		Handover h1 = handovers.handOver(new HandOverCases(first.termId(), "涵洞需要水务局"), first.lead(),
				t.plus(Duration.ofDays(5)));
		assertThat(h1.toTermId()).isEqualTo(second.termId());
		assertThat(h1.items()).extracting((i) -> i.caseId().value()).containsExactlyInAnyOrder(id(culvert), id(ditch));
		assertThat(handovers.waitingFor(second.lead().memberId(), second.monday())).extracting(Handover::id)
			.contains(h1.id());
		assertThatThrownBy(() -> handovers.acknowledge(h1.id(), first.people().get(1), second.tuesday()))
			.isInstanceOf(CaseAccessDeniedException.class);
		handovers.acknowledge(h1.id(), second.lead(), second.monday().atStartOfDay(CaseFixtures.ZONE).toInstant());
		assertThat(cases.byReference(culvert).orElseThrow().responsibleTermId()).isEqualTo(second.termId());

		// the second team does not hand over itself: the system does it after the week
		Instant afterSecond = third.tuesday();
		List<Handover> automatic = handovers.handOverEndedTerms(afterSecond, 8);
		assertThat(automatic).extracting(Handover::fromTermId).contains(second.termId());
		assertThat(handovers.handOverEndedTerms(afterSecond, 8)).extracting(Handover::fromTermId)
			.doesNotContain(second.termId());
		Handover h2 = handovers.handoverFrom(second.termId()).orElseThrow();
		assertThat(h2.toTermId()).isEqualTo(third.termId());
		handovers.acknowledge(h2.id(), third.people().get(2), afterSecond);
		assertThatThrownBy(() -> handovers.acknowledge(h2.id(), third.lead(), afterSecond))
			.hasMessage("case.handover.acknowledged.already");

		for (String ref : List.of(culvert, ditch)) {
			Case c = cases.byReference(ref).orElseThrow();
			assertThat(c.responsibleTermId()).isEqualTo(third.termId());
			assertThat(cases.events(c.id())).extracting(CaseEvent::kind)
				.containsSubsequence(CaseEvent.Kind.RECEIVED, CaseEvent.Kind.HANDED_OVER, CaseEvent.Kind.ACKNOWLEDGED,
						CaseEvent.Kind.HANDED_OVER, CaseEvent.Kind.ACKNOWLEDGED);
			// the third team works on it; the first team only reads what it recorded
			assertThat(access.permission(third.lead(), c, third.monday().plusDays(1)))
				.isEqualTo(CaseAccess.Permission.TEAM);
			assertThat(access.permission(first.lead(), c, third.monday().plusDays(1)))
				.isEqualTo(CaseAccess.Permission.READ);
		}
		assertThat(cases.byReference(solved).orElseThrow().responsibleTermId()).isEqualTo(first.termId());
		// the last term has no successor yet: nothing to hand over to
		assertThatThrownBy(() -> handovers.handOver(new HandOverCases(third.termId(), null), third.lead(), afterSecond))
			.hasMessage("case.handover.noNextTerm");
	}

	@Test
	void chineseWordsFindCasesHoweverTheyWereSegmented() {
		Team team = team();
		AccountPrincipal lead = team.lead();
		Instant t = team.tuesday();
		String garbage = record(team, "垃圾清运不及时", "SANITATION");
		String road = record(team, "进城道路坑洼积水", "ROADS");
		String bridge = record(team, "老石桥栏杆松动", "BRIDGES");
		String english = record(team, "Street lights broken near the school", "OTHER");
		var standing = access.standing(lead, team.monday().plusDays(1));
		assertThat(find("垃圾", team, standing, t)).containsExactly(garbage);
		assertThat(find("道路", team, standing, t)).containsExactly(road);
		assertThat(find("桥", team, standing, t)).containsExactly(bridge);
		assertThat(find("石桥 栏杆", team, standing, t)).containsExactly(bridge);
		assertThat(find("light", team, standing, t)).containsExactly(english);
		assertThat(find(road, team, standing, t)).containsExactly(road);
		assertThat(find("清运", team, standing, t)).containsExactly(garbage);
		assertThat(find("停车", team, standing, t)).isEmpty();
		// the reporter is never indexed
		IntakeForm form = CaseFixtures.intake(team.villageId(), "门口积水");
		form.setReporterName("欧阳修远");
		intake.record(form.toCommand(), lead, t);
		assertThat(find("欧阳修远", team, standing, t)).isEmpty();
	}

	String record(Team team, String title, String category) {
		IntakeForm form = CaseFixtures.intake(team.villageId(), title);
		form.setDescription(null);
		form.setLocation(null);
		form.setCategory(category);
		return intake.record(form.toCommand(), team.lead(), team.tuesday()).reference();
	}

	List<String> find(String words, Team team, CaseAccess.Standing standing, Instant now) {
		return inquiries
			.search(CaseSearch.all().withVillage(VillageId.of(team.villageId())).withWords(words), standing, now, 0, 50)
			.cases()
			.stream()
			.map(Case::reference)
			.toList();
	}

	long id(String reference) {
		return cases.byReference(reference).orElseThrow().id().value();
	}

}
