package org.oneweek.transparency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.Cases;
import org.oneweek.transparency.internal.LogSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier, over HTTP and trusting only the key, and the operator's audit with the
 * database: an honest log verifies; an altered leaf or event row is found, by its index.
 */
@OneweekTest
class VerifierAndAuditTest {

	@LocalServerPort
	int port;

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
	LogSigner signer;

	@Autowired
	LogAudit audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private LogVerifier verifier() {
		return new LogVerifier("http://localhost:" + port + "/transparency",
				new PrintStream(printed, true, StandardCharsets.UTF_8));
	}

	private String recordWithNotes() {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		String reference = intake.record(CaseFixtures.intake(village, "核对测试").toCommand(), team.lead(), team.tuesday())
			.reference();
		actions.note(reference, new AddNote("内部", false, null), team.lead(), team.tuesday().plus(Duration.ofHours(1)));
		actions.note(reference, new AddNote("公开进展", true, 50), team.lead(), team.tuesday().plus(Duration.ofHours(2)));
		return reference;
	}

	@Test
	void anHonestLogVerifiesFromOutsideAndAgainstTheDatabase() throws Exception {
		recordWithNotes();
		String saved = signer.signIfGrown();
		String reference = recordWithNotes();
		signer.signIfGrown();
		LogVerifier.Result result = verifier().verify(signer.verifier().encoded(), saved, reference);
		assertThat(result.problems()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(result.caseEvents()).extracting(LeafEntry::seq)
			.containsExactlyElementsOf(cases.events(cases.byReference(reference).orElseThrow().id())
				.stream()
				.map((e) -> e.seq())
				.toList());
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("consistent with this one");
		// the poster's checkpoint (size and the root's first 16 hex digits), as
		// photographed
		Checkpoint first = Checkpoint.verify(saved, signer.verifier(), signer.origin());
		String poster = first.size() + ":" + first.shortRoot().toUpperCase(java.util.Locale.ROOT);
		assertThat(verifier().verify(signer.verifier().encoded(), null, null, poster).problems()).isEmpty();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the log extends it");
		String otherPoster = first.size() + ":" + (first.shortRoot().startsWith("0") ? "1" : "0")
				+ first.shortRoot().substring(1);
		assertThat(verifier().verify(signer.verifier().encoded(), null, null, otherPoster).problems())
			.anySatisfy((p) -> assertThat(p).startsWith("poster: the first " + first.size() + " leaves make the root"));
		assertThat(audit.run()).isEmpty();
		// a checkpoint of a rewritten history, even signed with the log's own key, is
		// caught
		Checkpoint now = signer.latest().orElseThrow();
		byte[] otherRoot = now.root();
		otherRoot[0] ^= 1;
		String rewritten = SignedNote.sign(new Checkpoint(now.origin(), now.size() - 1, otherRoot).text(), now.origin(),
				jdbc.sql("select seed from tlog_key").query(byte[].class).single(), signer.verifier().publicKey());
		assertThat(verifier().verify(signer.verifier().encoded(), rewritten, null).problems())
			.anySatisfy((p) -> assertThat(p).contains("rewritten"));
	}

	@Test
	void anAlteredLeafIsFoundByItsIndex() throws Exception {
		String reference = recordWithNotes();
		signer.signIfGrown();
		long index = log.leafIndices(cases.byReference(reference).orElseThrow().id()).get(2);
		byte[] original = log.entry(index).orElseThrow();
		byte[] altered = new String(original, StandardCharsets.UTF_8).replace("public false", "public true ")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(altered).isNotEqualTo(original);
		update("update tlog_leaf set entry = ? where idx = ?", altered, index);
		try {
			assertThat(verifier().verify(signer.verifier().encoded(), null, null).problems())
				.anySatisfy((p) -> assertThat(p).startsWith("leaf " + index + ":"));
			assertThat(audit.run()).anySatisfy((p) -> assertThat(p).startsWith("leaf " + index + ":"));
		}
		finally {
			update("update tlog_leaf set entry = ? where idx = ?", original, index);
		}
		assertThat(audit.run()).isEmpty();
	}

	@Test
	void anAlteredEventRowIsFoundByItsLeafIndex() {
		String reference = recordWithNotes();
		var c = cases.byReference(reference).orElseThrow();
		long index = log.leafIndices(c.id()).get(2);
		String original = jdbc.sql("select data::text from case_event where case_id = ? and seq = 2")
			.param(c.id().value())
			.query(String.class)
			.single();
		update("update case_event set data = jsonb_set(data, '{text}', '\"改过的备注\"') where case_id = ? and seq = 2",
				c.id().value());
		try {
			List<String> problems = audit.run();
			assertThat(problems)
				.anySatisfy((p) -> assertThat(p).startsWith("leaf " + index + ": event 2 of " + reference));
		}
		finally {
			update("update case_event set data = cast(? as jsonb) where case_id = ? and seq = 2", original,
					c.id().value());
		}
		assertThat(audit.run()).isEmpty();
	}

	/**
	 * What an intruder with the database's password could do (past the append-only
	 * triggers).
	 */
	private void update(String sql, Object... params) {
		transactions.executeWithoutResult((status) -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).params(params).update();
		});
	}

}
