package org.oneweek.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.platform.Weeks;
import org.oneweek.reconciliation.internal.EmbeddingStore;
import org.oneweek.roster.internal.PlanRange;
import org.oneweek.roster.internal.PlanningRun;
import org.oneweek.roster.internal.RosterPlanner;
import org.oneweek.transparency.internal.LogSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application's own meters exist and move: the sentence model's time and the texts it
 * embedded, the roster planner's runs and their time, the jobs' last success; and
 * Prometheus shows them.
 */
@OneweekTest
class ApplicationMetricsTest {

	@Autowired
	MeterRegistry registry;

	@Autowired
	EmbeddingStore embeddings;

	@Autowired
	RosterPlanner planner;

	@Autowired
	LogSigner signer;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void anEmbeddingIsTimedAndCounted() {
		Timer one = registry.get("oneweek.reconciliation.embedding").tag("call", "one").timer();
		long calls = one.count();
		double items = registry.get("oneweek.reconciliation.embedded.items").counter().count();

		embeddings.embed("村口的路灯坏了三盏，晚上看不清路");

		assertThat(one.count()).isEqualTo(calls + 1);
		assertThat(one.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		assertThat(registry.get("oneweek.reconciliation.embedded.items").counter().count()).isEqualTo(items + 1);
		assertThat(registry.get("oneweek.reconciliation.embedding").tag("call", "batch").timer()).isNotNull();
	}

	@Test
	void aPlanningRunCountsWithItsTime() throws Exception {
		FunctionTimer finished = registry.get("oneweek.roster.solver").tag("status", "FINISHED").functionTimer();
		double runs = finished.count();
		double seconds = finished.totalTime(java.util.concurrent.TimeUnit.SECONDS);
		LocalDate monday = Weeks.mondayOf(LocalDate.now(clock));

		long id = planner.start(new PlanRange(monday.plusWeeks(220), monday.plusWeeks(221)), 5, "test");
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		PlanningRun run = planner.run(id).orElseThrow();
		while (!run.done() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			run = planner.run(id).orElseThrow();
		}

		assertThat(run.status()).isEqualTo(PlanningRun.Status.FINISHED);
		assertThat(finished.count()).isEqualTo(runs + 1);
		assertThat(finished.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isGreaterThan(seconds);
	}

	@Test
	void theSignerAndThePlannersHeartbeatReportTheirLastSuccess() throws Exception {
		Instant before = Instant.now().minusSeconds(1);

		signer.signIfGrown();

		Gauge signed = registry.get("oneweek.job.last.success").tag("job", "transparency-checkpoints").gauge();
		assertThat(signed.value()).isGreaterThanOrEqualTo(before.getEpochSecond());
		// the planner's heartbeat runs every second, also in the tests
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (registry.find("oneweek.job.last.success").tag("job", "roster-heartbeat").gauge() == null
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(registry.get("oneweek.job.last.success").tag("job", "roster-heartbeat").gauge().value())
			.isGreaterThanOrEqualTo(before.getEpochSecond() - 5);

		String scraped = mvc
			.perform(get("/actuator/prometheus").header("Authorization",
					OperationsTest.basic("monitoring", Browser.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(scraped).contains(
				"oneweek_job_last_success_seconds{application=\"oneweek\",job=\"transparency-checkpoints\"}",
				"job=\"roster-heartbeat\"", "oneweek_reconciliation_embedding_seconds_count",
				"oneweek_reconciliation_embedded_items_total", "oneweek_roster_solver_seconds_count");
	}

}
