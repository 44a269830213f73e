package org.oneweek.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.transparency.internal.LogSigner;
import org.oneweek.transparency.internal.LogStore;
import org.oneweek.transparency.internal.Tiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The served log against the C2SP specs, byte for byte: the verifier key and its id, the
 * checkpoint note, tile paths and widths, entry bundles; the JSON proofs; refusals of bad
 * input in words; no checkpoint signed over a tree that does not extend the last.
 */
@OneweekTest
class CheckpointAndTilesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	TransparencyLog log;

	@Autowired
	LogStore store;

	@Autowired
	LogSigner signer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private void grow(int atLeast) {
		long village = fixtures.newVillage("QS");
		Team team = fixtures.team(village, fixtures.freshMonday());
		int n = 0;
		while (log.size() < atLeast || n == 0) {
			intake.record(CaseFixtures.intake(village, "瓦片" + n++).toCommand(), team.lead(), team.tuesday());
		}
	}

	@Test
	void theKeyIsAVerifierKeyWhoseIdIsAsSignedNoteComputesIt() throws Exception {
		String body = mvc.perform(get("/transparency/key"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).matches("[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}\n");
		String[] parts = body.strip().split("\\+", 3);
		assertThat(SignedNote.Verifier.parse(body).encoded()).isEqualTo(body.strip());
		byte[] key = Base64.getDecoder().decode(parts[2]);
		assertThat(key).hasSize(33);
		assertThat(key[0]).isEqualTo((byte) 1);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		sha.update((parts[0] + "\n").getBytes(StandardCharsets.UTF_8));
		sha.update(key);
		byte[] digest = sha.digest();
		assertThat(parts[1]).isEqualTo(java.util.HexFormat.of().formatHex(Arrays.copyOf(digest, 4)));
		assertThat(mvc.perform(get("/transparency/key")).andReturn().getResponse().getContentType())
			.startsWith("text/plain");
	}

	@Test
	void theCheckpointIsASignedNoteOfTheTree() throws Exception {
		grow(3);
		signer.signIfGrown();
		var response = mvc.perform(get("/transparency/checkpoint")).andReturn().getResponse();
		assertThat(response.getContentType()).isEqualTo("text/plain;charset=UTF-8");
		String note = response.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = note.split("\n", -1);
		assertThat(lines).hasSize(6);
		assertThat(lines[0]).isEqualTo(signer.origin());
		long size = Long.parseLong(lines[1]);
		assertThat(lines[2]).isEqualTo(Base64.getEncoder().encodeToString(log.root(size)));
		assertThat(lines[3]).isEmpty();
		assertThat(lines[4]).startsWith("\u2014 " + signer.origin() + " ");
		byte[] sig = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
		assertThat(sig).hasSize(68);
		assertThat(lines[5]).isEmpty();
		Checkpoint c = Checkpoint.verify(note, signer.verifier(), signer.origin());
		assertThat(c.size()).isEqualTo(size);
		// another key's note, or a changed text, does not verify
		String changed = note.replaceFirst("\n" + size + "\n", "\n" + (size + 1) + "\n");
		assertThatThrownBy(() -> Checkpoint.verify(changed, signer.verifier(), signer.origin()))
			.isInstanceOf(SignedNote.NoteException.class);
	}

	@Test
	void tilesAndEntryBundlesAreTheTreeAsTlogTilesWritesIt() throws Exception {
		grow(300);
		long size = log.size();
		// level 0: the first tile is full
		byte[] full = mvc.perform(get("/transparency/tile/0/000")).andReturn().getResponse().getContentAsByteArray();
		assertThat(full).hasSize(256 * 32);
		var fullResponse = mvc.perform(get("/transparency/tile/0/000")).andReturn().getResponse();
		assertThat(fullResponse.getContentType()).isEqualTo("application/octet-stream");
		assertThat(fullResponse.getHeader("Cache-Control")).contains("immutable", "max-age=31536000");
		byte[] bundle = mvc.perform(get("/transparency/tile/entries/000"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<byte[]> entries = Tiles.unbundle(bundle);
		assertThat(entries).hasSize(256);
		for (int i = 0; i < 256; i++) {
			assertThat(Arrays.copyOfRange(full, i * 32, i * 32 + 32)).isEqualTo(Merkle.leafHash(entries.get(i)));
			assertThat(entries.get(i)).isEqualTo(log.entry(i).orElseThrow());
			// the length prefix is a big-endian uint16
		}
		assertThat(bundle[0] & 0xff).isEqualTo(entries.get(0).length >>> 8);
		assertThat(bundle[1] & 0xff).isEqualTo(entries.get(0).length & 0xff);
		// the partial tile of the second 256 leaves
		int width = (int) (size - 256);
		if (width < 256) {
			byte[] partial = mvc.perform(get("/transparency/tile/0/001.p/" + width))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(partial).hasSize(width * 32);
			assertThat(Tiles.unbundle(mvc.perform(get("/transparency/tile/entries/001.p/" + width))
				.andReturn()
				.getResponse()
				.getContentAsByteArray())).hasSize(width);
		}
		// level 1: the hash of the first full tile is the root of its 256 leaves
		byte[] level1 = mvc.perform(get("/transparency/tile/1/000.p/1"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<byte[]> leafHashes = new ArrayList<>();
		for (int i = 0; i < 256; i++) {
			leafHashes.add(Arrays.copyOfRange(full, i * 32, i * 32 + 32));
		}
		assertThat(level1).isEqualTo(Merkle.root(leafHashes));
		// not there yet
		assertThat(mvc.perform(get("/transparency/tile/0/x001/000")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/transparency/tile/2/000")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void malformedTilePathsAreRefusedInWords() throws Exception {
		for (String path : List.of("0/1", "00/000", "0/x000/001", "0/000.p/0", "0/000.p/256", "0/000.p/007", "64/000",
				"abc", "0/000/", "entries/x1/000", "0/x9999/000", "0/x009/x223/x372/x036/x854/x775/808", "0/%00")) {
			var response = mvc.perform(get("/transparency/tile/" + path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(400);
		}
		var response = mvc.perform(get("/transparency/tile/0/1").param("lang", "en")).andReturn().getResponse();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("No such tile path");
		assertThat(mvc.perform(post("/transparency/tile/0/000")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void proofsAsJsonVerify() throws Exception {
		grow(5);
		long size = log.size();
		JsonNode inclusion = JSON.readTree(mvc.perform(get("/api/v1/transparency/inclusion?index=2&size=" + size))
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<byte[]> proof = new ArrayList<>();
		inclusion.get("proof").forEach((h) -> proof.add(Base64.getDecoder().decode(h.asString())));
		Merkle.verifyInclusion(2, size, Base64.getDecoder().decode(inclusion.get("leafHash").asString()), proof,
				log.root(size));
		JsonNode consistency = JSON.readTree(mvc.perform(get("/api/v1/transparency/consistency?first=3&second=" + size))
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<byte[]> cproof = new ArrayList<>();
		consistency.get("proof").forEach((h) -> cproof.add(Base64.getDecoder().decode(h.asString())));
		Merkle.verifyConsistency(3, size, cproof, log.root(3), log.root(size));
		for (String bad : List.of("inclusion?index=" + size + "&size=" + size, "inclusion?index=0&size=" + (size + 1),
				"inclusion?index=x&size=1", "inclusion?size=1", "inclusion?index=-1&size=3",
				"inclusion?index=99999999999999999999&size=3", "consistency?first=0&second=3",
				"consistency?first=4&second=3", "consistency?first=1&second=" + (size + 1), "consistency")) {
			var response = mvc.perform(get("/api/v1/transparency/" + bad).header("Accept-Language", "en"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(bad).isEqualTo(400);
			assertThat(response.getContentType()).as(bad).isEqualTo("application/problem+json");
			assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString()).as(bad).isNotBlank();
		}
	}

	@Test
	void aTreeThatDoesNotExtendTheLastCheckpointIsNotSigned() {
		grow(3);
		signer.signIfGrown();
		long signed = signer.latest().orElseThrow().size();
		Merkle.Node edge = Merkle.Frontier.edge(signed).get(0);
		byte[] original = store.read(List.of(edge)).get(edge);
		byte[] forged = original.clone();
		forged[0] ^= 1;
		setNode(edge, forged);
		try {
			grow((int) signed + 1);
			assertThatThrownBy(signer::signIfGrown).isInstanceOf(InconsistentLogException.class);
			assertThat(signer.latest().orElseThrow().size()).isEqualTo(signed);
		}
		finally {
			setNode(edge, original);
		}
		assertThat(Checkpoint.parse(signer.signIfGrown().split("\n\n")[0] + "\n").size()).isGreaterThan(signed);
	}

	/** What an intruder with the database's password could do. */
	private void setNode(Merkle.Node node, byte[] hash) {
		transactions.executeWithoutResult((status) -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("update tlog_node set hash = ? where level = ? and idx = ?")
				.params(hash, node.level(), node.index())
				.update();
		});
	}

}
