package org.oneweek.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.insights.internal.LedgerFacts;
import org.oneweek.insights.internal.LedgerFacts.Scope;
import org.oneweek.insights.internal.Summary;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The summary gives the figures the ledger's rows give (the exact query that the
 * drill-downs share), on the hand-built ledger of {@link InsightsMetricsTest} (reopened,
 * declined, merged, escalated cases, callbacks, funding, a weekend and a holiday) and a
 * case resolved in the month after the one it was received in, every change kept by the
 * ledger's events; a recomputation of the whole summary finds nothing different, also
 * after concurrent intakes in one village; and a change made behind the ledger's back is
 * found by the check and repaired by a rebuild.
 */
class InsightsSummaryTest extends InsightsMetricsTest {

	// the inherited tests run here too: the exact figures, with the summary kept beside
	// them

	@Autowired
	Summary summary;

	@Autowired
	LedgerFacts facts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Callbacks callbacks;

	@Test
	void theSummaryGivesTheLedgersFiguresAndAFullRecomputationFindsNothingDifferent() {
		insights.rebuildSummary();
		Ledger l = ledger();
		// received in one month, resolved in the next
		Team team = fixtures.team(l.village(), fixtures.freshMonday());
		String late = intake.record(CaseFixtures.intake(l.village(), "跨月事项").toCommand(), team.lead(), team.tuesday())
			.reference();
		actions.assign(late, committee(), admin, team.tuesday().plus(Duration.ofHours(1)));
		actions.start(late, "已联系", admin, team.tuesday().plus(Duration.ofHours(2)));
		actions.resolve(late, new ResolveCase("已办结"), admin, team.tuesday().plus(Duration.ofDays(40)));

		// a callback that did not reach the villager changes no case, but its attempt
		// counts
		callbacks.record(l.refs().get("H"), new CallbackAnswer(false, null, "无人接听"), admin,
				l.now().minus(Duration.ofDays(1)));

		ZoneId zone = insights.zone();
		LocalDate day = LocalDate.ofInstant(team.tuesday(), zone);
		List<MetricFilter> filters = List.of(l.filter(),
				l.filter().withPeriod(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth())),
				l.filter().withPeriod(day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear())),
				l.filter().withCategory("OTHER"), MetricFilter.ALL.withMember(l.team().lead().memberId()));
		for (Instant now : List.of(l.now(), team.tuesday().plus(Duration.ofDays(2)),
				l.now().plus(Duration.ofDays(400)))) {
			for (MetricFilter filter : filters) {
				Scope scope = new Scope(filter, null, zone, now);
				Map<String, Figures> exact = facts.breakdown(scope, Breakdown.YEAR, insights.properties());
				for (Breakdown by : Breakdown.values()) {
					var rows = summary.breakdown(scope, by, insights.properties());
					if (rows.isEmpty()) {
						continue;
					}
					Map<String, Figures> want = facts.breakdown(scope, by, insights.properties());
					want.values().removeIf((f) -> f.cases() == 0);
					assertThat(rows.get().keySet()).as(by + " " + filter).isEqualTo(want.keySet());
					want.forEach((k, f) -> same(rows.get().get(k), f, by + " " + k + " " + filter + " " + now));
				}
				assertThat(exact).isNotEmpty();
				// (a village and a category: no rollup has both)
				assertThat(summary.callbackAttempts(scope).isPresent()).isEqualTo(filter.category() == null);
				summary.callbackAttempts(scope)
					.ifPresent(
							(a) -> assertThat(a).as(filter.toString()).containsExactly(facts.callbackAttempts(scope)));
			}
		}
		assertThat(summary.answers(l.filter().withMember(l.team().lead().memberId()))).isFalse();
		assertThat(summary.answers(MetricFilter.ALL.withMember(l.team().lead().memberId()))).isTrue();
		assertThat(facts.callbackAttempts(new Scope(l.filter(), null, zone, l.now()))[0]).isEqualTo(1);
		assertThat(summary.answers(l.filter().withPeriod(l.friday(), l.friday()))).isFalse();

		SummaryCheck check = insights.checkSummary();
		assertThat(check.consistent()).as(check.toString()).isTrue();
		assertThat(check.cases()).isPositive();
	}

	@Test
	void openDeadlinesLongPastAreSettledIntoTheRollupsAndCountTheSame() {
		insights.rebuildSummary();
		Ledger l = ledger();
		ZoneId zone = insights.zone();
		// a year on: C's and D's deadlines passed long ago
		Instant later = l.now().plus(Duration.ofDays(400));
		List<MetricFilter> filters = List.of(l.filter(), MetricFilter.ALL, l.filter().withCategory("OTHER"),
				MetricFilter.ALL.withMember(l.team().lead().memberId()));
		try {
			Map<String, Long> before = new java.util.HashMap<>();
			for (MetricFilter filter : filters) {
				before.put(filter.toString(), insights.figures(filter, later).count(Measure.OVERDUE));
			}
			int settled = insights.settleSummary(later);
			assertThat(settled).isPositive();
			// only once a day
			assertThat(insights.settleSummary(later.plus(Duration.ofHours(20)))).isZero();
			assertThat(jdbc.sql("select count(*) from insights_open_fact where case_id = any(:ids)")
				.param("ids",
						new Long[] { cases.byReference(l.refs().get("C")).orElseThrow().id().value(),
								cases.byReference(l.refs().get("D")).orElseThrow().id().value() })
				.query(Long.class)
				.single()).isZero();
			SummaryCheck check = insights.checkSummary();
			assertThat(check.consistent()).as(check.toString()).isTrue();
			for (Instant now : List.of(later, later.plus(Duration.ofDays(3)), later.plus(Duration.ofDays(90)))) {
				sameAsTheLedger(filters, now);
			}
			for (MetricFilter filter : filters) {
				assertThat(insights.figures(filter, later).count(Measure.OVERDUE)).as(filter.toString())
					.isEqualTo(before.get(filter.toString()));
			}
			// a "now" less than a month after the settled deadlines is the ledger's
			Scope early = new Scope(l.filter(), null, zone, l.now());
			assertThat(summary.usable(early)).isFalse();
			assertThat(summary.breakdown(early, Breakdown.MONTH, insights.properties())).isEmpty();
			same(insights.figures(l.filter(), l.now()), facts.figures(early, insights.properties()), "early");

			// a settled case that changes leaves its settled counts
			actions.assign(l.refs().get("D"), committee(), admin, later.minus(Duration.ofDays(2)));
			actions.start(l.refs().get("D"), "已联系", admin, later.minus(Duration.ofDays(1)));
			sameAsTheLedger(filters, later);
			actions.resolve(l.refs().get("D"), new ResolveCase("已办结"), admin, later.minus(Duration.ofHours(1)));
			sameAsTheLedger(filters, later);
			check = insights.checkSummary();
			assertThat(check.consistent()).as(check.toString()).isTrue();
		}
		finally {
			// the settling at the clock's instant again, for the other tests
			insights.rebuildSummary();
		}
	}

	/**
	 * Every breakdown the summary answers of every filter at the instant is the ledger's.
	 */
	private void sameAsTheLedger(List<MetricFilter> filters, Instant now) {
		for (MetricFilter filter : filters) {
			Scope scope = new Scope(filter, null, insights.zone(), now);
			assertThat(summary.usable(scope)).isTrue();
			for (Breakdown by : Breakdown.values()) {
				var rows = summary.breakdown(scope, by, insights.properties());
				if (rows.isEmpty()) {
					continue;
				}
				Map<String, Figures> want = facts.breakdown(scope, by, insights.properties());
				want.values().removeIf((f) -> f.cases() == 0);
				assertThat(rows.get().keySet()).as(by + " " + filter).isEqualTo(want.keySet());
				want.forEach((k, f) -> same(rows.get().get(k), f, by + " " + k + " " + filter + " " + now));
			}
			summary.figures(scope, insights.properties(), true)
				.ifPresent((f) -> same(f, facts.figures(scope, insights.properties()), "figures " + filter));
			List<Breakdown> tables = List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE, Breakdown.UNIT, Breakdown.MEMBER);
			java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
			for (Breakdown by : tables) {
				List<Insights.Row> all = insights.breakdown(filter, by, now, zh)
					.stream()
					.filter((r) -> !r.key().isEmpty())
					.sorted(Insights.order(by))
					.toList();
				Insights.Table table = insights.table(filter, by, now, zh, 2);
				assertThat(table.total()).as(by + " " + filter).isEqualTo(all.size());
				for (Insights.Row row : table.rows()) {
					same(row.figures(),
							all.stream().filter((r) -> r.key().equals(row.key())).findFirst().orElseThrow().figures(),
							"table " + by + " " + row.key());
				}
			}
		}
	}

	@Test
	void theUpgradeSumsTheAllTimeRowsAsARebuildWritesThem() throws Exception {
		insights.rebuildSummary();
		ledger();
		String members = "select member_id, cases, contact_due, resolved, callbacks, funding_approved_sum, attempts "
				+ "from insights_tally where rollup = 'MB' and cases <> 0 order by member_id";
		String hours = "select kind, hours, n from insights_tally_hours where period = date '0001-01-01' and n <> 0 "
				+ "order by kind, hours";
		List<Map<String, Object>> wantMembers = jdbc.sql(members).query().listOfRows();
		List<Map<String, Object>> wantHours = jdbc.sql(hours).query().listOfRows();
		assertThat(wantMembers).isNotEmpty();
		assertThat(wantHours).isNotEmpty();
		// a summary of the release before: no all-time rows of members and hours
		jdbc.sql("delete from insights_tally where rollup = 'MB'").update();
		jdbc.sql("delete from insights_tally_hours where period = date '0001-01-01'").update();
		assertThat(insights.checkSummary().consistent()).isFalse();
		String migration = new String(getClass()
			.getResourceAsStream("/db/migration/insights/V20261206_03__insights_all_time_members_hours.sql")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		String statements = migration.lines()
			.filter((line) -> !line.startsWith("--"))
			.collect(java.util.stream.Collectors.joining("\n"));
		for (String statement : statements.split(";")) {
			if (!statement.isBlank()) {
				jdbc.sql(statement).update();
			}
		}
		assertThat(jdbc.sql(members).query().listOfRows()).isEqualTo(wantMembers);
		assertThat(jdbc.sql(hours).query().listOfRows()).isEqualTo(wantHours);
		SummaryCheck check = insights.checkSummary();
		assertThat(check.consistent()).as(check.toString()).isTrue();
	}

	@Test
	void theDistrictsFiguresFromTheSummaryAreTheLedgersAndTheTimesToTheHour() {
		insights.rebuildSummary();
		ledger();
		Instant now = Instant.now();
		Scope scope = new Scope(MetricFilter.ALL, null, insights.zone(), now);
		Figures fromSummary = summary.figures(scope, insights.properties(), true).orElseThrow();
		Figures exact = facts.figures(scope, insights.properties());
		same(fromSummary, exact, "district");
		assertThat(fromSummary.contactHoursMedian()).isCloseTo(exact.contactHoursMedian(), within(1.0));
		assertThat(fromSummary.resolutionHoursP90()).isCloseTo(exact.resolutionHoursP90(), within(1.0));
		// and the service asks the summary for the district
		assertThat(insights.figures(MetricFilter.ALL, now).counts()).isEqualTo(exact.counts());
	}

	@Test
	void concurrentIntakesInOneVillageAreAllCountedAndAChangeBehindTheLedgersBackIsFoundAndRepaired() throws Exception {
		insights.rebuildSummary();
		long village = fixtures.newVillage("HB");
		Team team = fixtures.team(village, fixtures.freshMonday());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			int n = i;
			done.add(pool.submit(() -> intake.record(CaseFixtures.intake(village, "并发" + n).toCommand(), team.lead(),
					team.tuesday().plusSeconds(n))));
		}
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
		Scope scope = new Scope(MetricFilter.ALL.withVillage(VillageId.of(village)), null, insights.zone(),
				team.tuesday().plus(Duration.ofDays(1)));
		assertThat(summary.breakdown(scope, Breakdown.YEAR, insights.properties()).orElseThrow().values())
			.singleElement()
			.satisfies((f) -> assertThat(f.cases()).isEqualTo(16));
		assertThat(insights.checkSummary().consistent()).isTrue();

		jdbc.sql("update case_file set category = 'ROADS' where village_id = ? and category <> 'ROADS'")
			.param(village)
			.update();
		SummaryCheck stale = insights.checkSummary();
		assertThat(stale.consistent()).isFalse();
		assertThat(stale.facts()).isEqualTo(32);
		insights.rebuildSummary();
		assertThat(insights.checkSummary().consistent()).isTrue();
	}

	@Test
	void aTablesEndsRankedInTheDatabaseAreTheEndsOfTheWholeTableInItsOrder() {
		insights.rebuildSummary();
		Ledger l = ledger();
		ledger();
		// villages of one, two or three cases, half of them resolved on time
		for (int i = 0; i < 6; i++) {
			long village = fixtures.newVillage("HB");
			Team team = fixtures.team(village, fixtures.freshMonday());
			for (int k = 0; k <= i % 3; k++) {
				String ref = intake
					.record(CaseFixtures.intake(village, "排名" + i + k).toCommand(), team.lead(), team.tuesday())
					.reference();
				if (i % 2 == 0) {
					actions.assign(ref, committee(), admin, team.tuesday().plus(Duration.ofHours(1)));
					actions.start(ref, "已联系", admin, team.tuesday().plus(Duration.ofHours(2)));
					actions.resolve(ref, new ResolveCase("已办结"), admin, team.tuesday().plus(Duration.ofHours(3)));
				}
			}
		}
		java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
		for (Instant now : List.of(l.now(), l.now().plus(Duration.ofDays(400)))) {
			for (Breakdown by : List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE, Breakdown.CATEGORY, Breakdown.TYPE,
					Breakdown.UNIT, Breakdown.MEMBER)) {
				List<Insights.Row> all = insights.breakdown(MetricFilter.ALL, by, now, zh)
					.stream()
					.filter((r) -> !r.key().isEmpty())
					.sorted(Insights.order(by))
					.toList();
				for (int ends : List.of(1, 2, 3)) {
					Insights.Table table = insights.table(MetricFilter.ALL, by, now, zh, ends);
					List<Insights.Row> want = new ArrayList<>(all);
					if (all.size() > 2 * ends) {
						want = new ArrayList<>(all.subList(0, ends));
						want.addAll(all.subList(all.size() - ends, all.size()));
					}
					assertThat(table.total()).as(by + " " + ends).isEqualTo(all.size());
					assertThat(table.rows()).extracting(Insights.Row::key)
						.as(by + " " + ends)
						.containsExactlyElementsOf(want.stream().map(Insights.Row::key).toList());
					for (int i = 0; i < want.size(); i++) {
						same(table.rows().get(i).figures(), want.get(i).figures(), by + " " + want.get(i).key());
						assertThat(table.rows().get(i).label()).isEqualTo(want.get(i).label());
					}
				}
			}
			// a dashboard reads the open facts once for all its figures: the same as
			// each read on its own, the trend by every period too
			List<Breakdown> tables = List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE, Breakdown.CATEGORY, Breakdown.TYPE,
					Breakdown.UNIT, Breakdown.MEMBER);
			for (Breakdown period : List.of(Breakdown.WEEK, Breakdown.MONTH, Breakdown.QUARTER, Breakdown.YEAR)) {
				Insights.Dashboard dashboard = insights.dashboard(MetricFilter.ALL, period, tables, now, zh, 2);
				same(dashboard.figures(), insights.figures(MetricFilter.ALL, now), "figures " + now);
				List<Insights.Row> trend = insights.breakdown(MetricFilter.ALL, period, now, zh);
				assertThat(dashboard.trend()).extracting(Insights.Row::key)
					.as(period.name())
					.containsExactlyElementsOf(trend.stream().map(Insights.Row::key).toList());
				for (int i = 0; i < trend.size(); i++) {
					same(dashboard.trend().get(i).figures(), trend.get(i).figures(), period + " " + trend.get(i).key());
				}
				for (Breakdown by : tables) {
					Insights.Table alone = insights.table(MetricFilter.ALL, by, now, zh, 2);
					Insights.Table shown = dashboard.tables().get(by);
					assertThat(shown.total()).isEqualTo(alone.total());
					assertThat(shown.rows()).extracting(Insights.Row::key)
						.as(by.name())
						.containsExactlyElementsOf(alone.rows().stream().map(Insights.Row::key).toList());
					for (int i = 0; i < alone.rows().size(); i++) {
						same(shown.rows().get(i).figures(), alone.rows().get(i).figures(), by + " " + i);
					}
				}
			}
			assertThat(insights.figures(MetricFilter.ALL, now).count(Measure.OVERDUE)).isPositive();
			// the database did leave the middle out: the villages of two cases are
			// neither the most nor the fewest
			Scope scope = new Scope(MetricFilter.ALL, null, insights.zone(), now);
			Summary.Ends ranked = summary.ends(scope, Breakdown.VILLAGE, insights.properties(), false, 1).orElseThrow();
			assertThat(ranked.rows().size()).isLessThan(ranked.total());
		}
	}

	private static void same(Figures got, Figures want, String what) {
		assertThat(got.counts()).as(what).isEqualTo(want.counts());
		assertThat(got.fundingRequested()).as(what).isEqualByComparingTo(want.fundingRequested());
		assertThat(got.fundingApproved()).as(what).isEqualByComparingTo(want.fundingApproved());
	}

}
