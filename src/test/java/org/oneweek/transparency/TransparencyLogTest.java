package org.oneweek.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekApplication;
import org.oneweek.OneweekTest;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.Cases;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.transparency.internal.LogBackfill;
import org.oneweek.transparency.internal.LogSigner;
import org.oneweek.transparency.internal.LogStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case event becomes a leaf in its own transaction; leaves are gap-free and in
 * order with many writers; the stored tree matches a recomputation from the leaves.
 */
@OneweekTest
class TransparencyLogTest {

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	Cases cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	TransparencyLog log;

	@Autowired
	LogStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	LogBackfill backfill;

	@Autowired
	LogAudit audit;

	@Autowired
	LogSigner signer;

	@Test
	void everyEventOfACaseIsALeafWithoutItsPrivateFields() {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		IntakeForm form = CaseFixtures.intake(village, "透明日志测试");
		form.setReporterName("王秘密");
		form.setReporterPhone("13900001111");
		String reference = intake.record(form.toCommand(), team.lead(), team.tuesday()).reference();
		actions.note(reference, new AddNote("内部备注：只给工作人员看", false, null), team.lead(),
				team.tuesday().plus(Duration.ofHours(1)));
		actions.note(reference, new AddNote("已经联系施工队", true, 30), team.lead(),
				team.tuesday().plus(Duration.ofHours(2)));
		Case c = cases.byReference(reference).orElseThrow();
		List<CaseEvent> events = cases.events(c.id());
		Map<Integer, Long> indices = log.leafIndices(c.id());
		assertThat(indices.keySet()).containsExactlyElementsOf(events.stream().map(CaseEvent::seq).toList());
		byte[] secret = store.secret(c.id()).orElseThrow();
		for (CaseEvent e : events) {
			byte[] bytes = log.entry(indices.get(e.seq())).orElseThrow();
			String text = new String(bytes, StandardCharsets.UTF_8);
			assertThat(text).doesNotContain("王秘密", "13900001111", "内部备注", "施工队", team.lead().displayName());
			LeafEntry leaf = LeafEntry.parse(bytes);
			assertThat(leaf.reference()).isEqualTo(reference);
			assertThat(leaf.seq()).isEqualTo(e.seq());
			assertThat(leaf.kind()).isEqualTo(e.kind().name());
			assertThat(leaf.isPublic()).isEqualTo(e.isPublic());
			// whoever holds the event and its key can show it is the one logged
			assertThat(leaf.commitment())
				.isEqualTo(PrivateFields.commitment(PrivateFields.eventKey(secret, e.seq()), e));
		}
		assertThat(new ArrayList<>(indices.values())).isSorted();
	}

	@Test
	void appendsFromEightThreadsAreGapFreeAndMatchARecomputation() throws Exception {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		long before = log.size();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				for (int i = 0; i < 4; i++) {
					int n = t * 10 + i;
					done.add(pool.submit(() -> {
						String ref = intake
							.record(CaseFixtures.intake(village, "并发" + n).toCommand(), team.lead(), team.tuesday())
							.reference();
						actions.note(ref, new AddNote("进展" + n, true, 10), team.lead(),
								team.tuesday().plus(Duration.ofMinutes(5)));
						return ref;
					}));
				}
			}
			for (Future<String> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertGapFreeAndRecomputed(before + 32 * 2);
	}

	/**
	 * A second instance of the application on the same database (as two servers behind
	 * one proxy would be) appends at the same time as this one: one log, no gap.
	 */
	@Test
	void twoApplicationInstancesAppendToOneGapFreeLog() throws Exception {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		String url;
		String user;
		try (java.sql.Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(OneweekApplication.class)
			.profiles("test")
			.properties("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"oneweek.transparency.checkpoints.enabled=false")
			.run()) {
			CaseIntake otherIntake = other.getBean(CaseIntake.class);
			CaseActions otherActions = other.getBean(CaseActions.class);
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < 8; t++) {
					boolean here = t % 2 == 0;
					int thread = t;
					done.add(pool.submit(() -> {
						for (int i = 0; i < 4; i++) {
							String ref = (here ? intake : otherIntake)
								.record(CaseFixtures.intake(village, "两个实例" + thread + "-" + i).toCommand(),
										team.lead(), team.tuesday())
								.reference();
							(here ? otherActions : actions).note(ref, new AddNote("进展", true, 20), team.lead(),
									team.tuesday().plus(Duration.ofMinutes(3)));
						}
						return null;
					}));
				}
				for (Future<?> f : done) {
					f.get();
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(other.getBean(TransparencyLog.class).size()).isEqualTo(log.size());
		}
		assertGapFreeAndRecomputed(log.size());
	}

	/**
	 * Events recorded before the log existed (here by an instance with the log off, as
	 * the application was before it had one) are appended by the backfill in the order
	 * they were recorded, while cases are being recorded and by two instances at once;
	 * the log is gap-free and recomputes to its root, a second run appends nothing, and
	 * the audit, which found the events missing, finds all clean.
	 */
	@Test
	void theBackfillAppendsEveryEarlierEventOnceInTheOrderRecorded() throws Exception {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		String url;
		String user;
		try (java.sql.Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		try (ConfigurableApplicationContext before = new SpringApplicationBuilder(OneweekApplication.class)
			.profiles("test")
			.properties("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"oneweek.transparency.enabled=false", "oneweek.transparency.checkpoints.enabled=false")
			.run()) {
			CaseIntake oldIntake = before.getBean(CaseIntake.class);
			CaseActions oldActions = before.getBean(CaseActions.class);
			List<String> old = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String ref = oldIntake
					.record(CaseFixtures.intake(village, "日志之前" + i).toCommand(), team.lead(), team.tuesday())
					.reference();
				oldActions.note(ref, new AddNote("以前的进展" + i, true, 20), team.lead(),
						team.tuesday().plus(Duration.ofMinutes(i + 1)));
				old.add(ref);
			}
			// a case whose first event is logged and whose second is not
			String mixed = intake
				.record(CaseFixtures.intake(village, "一半在日志里").toCommand(), team.lead(), team.tuesday())
				.reference();
			oldActions.note(mixed, new AddNote("日志关着的时候", true, 40), team.lead(),
					team.tuesday().plus(Duration.ofMinutes(9)));
			old.add(mixed);

			int unlogged = 0;
			for (String ref : old) {
				Case c = cases.byReference(ref).orElseThrow();
				int events = cases.events(c.id()).size();
				int leaves = log.leafIndices(c.id()).size();
				// the mixed case's first event (RECEIVED) was logged, its note and
				// progress not
				assertThat(leaves).isEqualTo(ref.equals(mixed) ? 1 : 0);
				unlogged += events - leaves;
			}
			List<LogBackfill.Missing> expected = backfill.missing(0, 10_000);
			assertThat(expected).hasSize(unlogged);
			List<String> problems = audit.run();
			assertThat(problems).filteredOn((p) -> p.endsWith("is not in the log")).hasSize(unlogged);
			int mixedLast = cases.events(cases.byReference(mixed).orElseThrow().id()).size();
			assertThat(problems).contains("case " + mixed + ": event " + mixedLast + " is not in the log");

			// both instances backfill at once while this one records cases
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				Future<Long> here = pool.submit(backfill::run);
				Future<Long> there = pool.submit(before.getBean(LogBackfill.class)::run);
				List<Future<?>> live = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					int n = i;
					live.add(pool.submit(() -> intake
						.record(CaseFixtures.intake(village, "补录时新来的" + n).toCommand(), team.lead(), team.tuesday())
						.reference()));
				}
				assertThat(here.get() + there.get()).isEqualTo(unlogged);
				for (Future<?> f : live) {
					f.get();
				}
			}
			finally {
				pool.shutdown();
			}
			List<Long> indices = new ArrayList<>();
			for (LogBackfill.Missing m : expected) {
				indices.add(log.leafIndices(m.caseId()).get(m.seq()));
			}
			assertThat(indices).doesNotContainNull().isSorted().doesNotHaveDuplicates();
		}
		assertGapFreeAndRecomputed(log.size());
		long size = log.size();
		assertThat(backfill.run()).isZero();
		assertThat(log.size()).isEqualTo(size);
		signer.signIfGrown();
		assertThat(audit.run()).isEmpty();
	}

	/**
	 * The leaves are 0 … size-1 with no gap, every case event is one, and the root
	 * recomputed from the leaves' bytes is the stored tree's. All read in one snapshot:
	 * the tests share the database and its application, and a case recorded by anyone
	 * else between two of these reads (its events and leaves commit together) would
	 * otherwise be counted by one and not by the other.
	 */
	void assertGapFreeAndRecomputed(long atLeast) {
		TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		snapshot.executeWithoutResult((status) -> assertGapFreeAndRecomputedNow(atLeast));
	}

	private void assertGapFreeAndRecomputedNow(long atLeast) {
		long size = log.size();
		assertThat(size).isGreaterThanOrEqualTo(atLeast);
		assertThat(jdbc.sql("""
				select count(*) from case_event e
				where not exists (select 1 from tlog_leaf l where l.case_id = e.case_id and l.seq = e.seq)""")
			.query(Long.class)
			.single()).as("case events without their leaf").isZero();
		assertThat(jdbc.sql("select count(*) from tlog_leaf").query(Long.class).single()).isEqualTo(size);
		assertThat(jdbc.sql("select coalesce(max(idx), -1) from tlog_leaf").query(Long.class).single())
			.isEqualTo(size - 1);
		assertThat(jdbc.sql("select count(*) from case_event").query(Long.class).single()).isEqualTo(size);
		List<byte[]> leafHashes = jdbc.sql("select entry from tlog_leaf order by idx")
			.query(byte[].class)
			.list()
			.stream()
			.map(Merkle::leafHash)
			.toList();
		assertThat(log.root(size)).isEqualTo(Merkle.root(leafHashes));
	}

}
