package org.oneweek.reconciliation.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case's embedding is computed after its intake has committed, on the worker's thread,
 * and stored with the digest of its text; the intake itself stores nothing.
 */
@OneweekTest
class EmbeddingWorkerTest {

	@Autowired
	EmbeddingWorker worker;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecordedCaseGetsItsEmbeddingAfterTheIntakeCommits() {
		long village = fixtures.newVillage("JA");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		worker.enable(true);
		try {
			long id = intake
				.record(RecordCase.of(VillageId.of(village), "SANITATION", "河边垃圾堆了好几天没人清运"), team.lead(),
						monday.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(CaseFixtures.ZONE).toInstant())
				.id()
				.value();
			// the model may load first (once per JVM)
			await().atMost(Duration.ofSeconds(90))
				.until(() -> jdbc.sql("select count(*) from reconciliation_embedding where kind = 'V' and item_id = ?")
					.param(id)
					.query(Integer.class)
					.single() > 0);
			assertThat(jdbc
				.sql("select text_digest from reconciliation_embedding where kind = 'V' and item_id = ? and model = ?")
				.params(id, SentenceModel.NAME)
				.query(String.class)
				.single()).isEqualTo(EmbeddingStore.digest("河边垃圾堆了好几天没人清运"));
			assertThat(jdbc
				.sql("select octet_length(vector) from reconciliation_embedding where item_id = ? and kind = 'V'")
				.param(id)
				.query(Integer.class)
				.single()).isEqualTo(512 * 4);
		}
		finally {
			worker.enable(false);
		}
	}

}
