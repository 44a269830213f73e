package org.oneweek.reconciliation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
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
import org.oneweek.reconciliation.internal.SentenceModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (its name keeps it out of the build): the figures of docs/BENCHMARKS.md, run
 * by {@code bench/reconciliation.sh}. Embedding throughput, then a week of 200 villagers'
 * problems, 100 officials' items and 100 findings reconciled through the service, first
 * with no embedding stored, then with all stored. Writes target/reconciliation-bench.txt.
 */
@OneweekTest
class ReconciliationBench {

	private static final String[] PLACES = { "一组", "二组", "三组", "四组", "五组", "六组", "村口", "村委会", "小学", "菜场", "河边", "石桥",
			"东头", "西头" };

	private static final String[][] PROBLEMS = { { "SANITATION", "垃圾堆了好几天没人清运" }, { "ROADS", "路面坑坑洼洼下雨积水" },
			{ "BRIDGES", "桥栏杆松动" }, { "WATER", "自来水停水没有通知" }, { "PARKING", "车辆乱停堵了路" }, { "PUBLIC_ORDER", "监控摄像头坏了" },
			{ "ROADS", "路灯不亮晚上看不见" }, { "WATER", "排水沟堵塞下雨就淹" }, { "SOCIAL_SECURITY", "补贴几个月没有到账" },
			{ "AGRICULTURE", "灌溉渠需要清淤" } };

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

	@Test
	void figures() throws Exception {
		List<String> out = new ArrayList<>();
		long start = System.nanoTime();
		SentenceModel.embed("模型加载");
		out.add(String.format(Locale.ROOT, "model load (first sentence): %d ms",
				(System.nanoTime() - start) / 1_000_000));
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String[] p = PROBLEMS[i % PROBLEMS.length];
			sentences.add(PLACES[i % PLACES.length] + p[1] + "，已经" + (i % 9 + 2) + "天了");
		}
		for (int i = 0; i < 20; i++) {
			SentenceModel.embed(sentences.get(i));
		}
		start = System.nanoTime();
		for (String sentence : sentences) {
			SentenceModel.embed(sentence);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		out.add(String.format(Locale.ROOT, "embedding, one at a time: %.0f sentences/s (%.1f ms each)",
				sentences.size() / seconds, 1000 * seconds / sentences.size()));
		start = System.nanoTime();
		SentenceModel.embedAll(sentences);
		seconds = (System.nanoTime() - start) / 1e9;
		out.add(String.format(Locale.ROOT, "embedding, one batch of 400: %.0f sentences/s",
				sentences.size() / seconds));

		long villageId = fixtures.newVillage("JA");
		VillageId village = VillageId.of(villageId);
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(villageId, monday);
		AccountPrincipal lead = team.lead();
		String username = "committee-bench-" + System.nanoTime() % 1_000_000;
		accounts.create(new CreateAccount(username, "村委会", Set.of(Role.COMMITTEE), null, village, null,
				"bench-" + System.nanoTime() + "-Xq"), "test", true);
		AccountPrincipal committee = fixtures.principal(username);
		LocalDate tuesday = monday.with(DayOfWeek.TUESDAY);
		Instant at = tuesday.atTime(LocalTime.of(9, 0)).atZone(CaseFixtures.ZONE).toInstant();
		for (int i = 0; i < 200; i++) {
			String[] p = PROBLEMS[i % PROBLEMS.length];
			intake.record(RecordCase.of(village, p[0], PLACES[(i / PROBLEMS.length) % PLACES.length] + p[1] + i)
				.withSource(CaseSource.MORNING_MEETING), lead, at.plusSeconds(i));
		}
		for (int i = 0; i < 100; i++) {
			String[] p = PROBLEMS[(i * 3) % PROBLEMS.length];
			intake.record(RecordCase.of(village, p[0], PLACES[(i * 7) % PLACES.length] + p[1] + "需处理" + i)
				.withSource(CaseSource.OFFICIALS_LIST), committee, at.plusSeconds(1000 + i));
		}
		InspectionId walk = inspections.record(new RecordInspection(tuesday, "全村", null, null, List.of()), lead,
				at.plusSeconds(3600));
		for (int i = 0; i < 100; i++) {
			String[] p = PROBLEMS[(i * 7) % PROBLEMS.length];
			inspections.addFinding(walk, new RecordFinding(PLACES[(i * 5) % PLACES.length] + "发现" + p[1] + i, null,
					null, FindingOutcome.NOTE, null, null, null), null, lead, at.plusSeconds(3700 + i));
		}
		start = System.nanoTime();
		WeekReconciliation first = reconciliations.week(village, tuesday, lead);
		long cold = (System.nanoTime() - start) / 1_000_000;
		List<Long> warm = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			start = System.nanoTime();
			reconciliations.week(village, tuesday, lead);
			warm.add((System.nanoTime() - start) / 1_000_000);
		}
		warm.sort(Long::compare);
		out.add(String.format(Locale.ROOT,
				"a week of %d villagers' problems, %d officials' items, %d findings (%d matches): "
						+ "no embedding stored %d ms; all stored, median of 5 %d ms (min %d, max %d)",
				first.villagers().size(), first.officials().size(), first.findings().size(), first.matches().size(),
				cold, warm.get(2), warm.get(0), warm.get(4)));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "reconciliation-bench.txt"), out);
		out.forEach(System.out::println);
	}

}
