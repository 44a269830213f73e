package org.oneweek.transparency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.oneweek.transparency.Merkle.Frontier;
import org.oneweek.transparency.Merkle.Node;
import org.oneweek.transparency.Merkle.ProofException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 6962 / 9162 hashing and proofs against the golden vectors of
 * transparency-dev/merkle ({@code ../shared/data/merkle-testdata}, or
 * {@code oneweek.merkle.testdata}), and proofs made from stored perfect subtrees against
 * a recomputation.
 */
class MerkleTest {

	static final Path VECTORS = Path
		.of(System.getProperty("oneweek.merkle.testdata", "../../shared/data/merkle-testdata"));

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The RFC 6962 test tree's leaves, as in the vectors' happy paths. */
	static final List<byte[]> RFC_LEAVES = Stream
		.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
		.map(HexFormat.of()::parseHex)
		.toList();

	static Path vectors() {
		Path p = VECTORS;
		if (!Files.isDirectory(p)) {
			p = Path.of("/work/shared/data/merkle-testdata");
		}
		assertThat(p).as("the Merkle test vectors").isDirectory();
		return p;
	}

	@TestFactory
	Stream<DynamicTest> inclusionVectors() throws IOException {
		List<Path> files = jsonFiles(vectors().resolve("inclusion"));
		assertThat(files).hasSizeGreaterThan(50);
		return files.stream().map((f) -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
			JsonNode v = JSON.readTree(Files.readString(f));
			Runnable verify = () -> Merkle.verifyInclusion(u64(v.get("leafIdx")), u64(v.get("treeSize")),
					b64(v.get("leafHash")), hashes(v.get("proof")), b64(v.get("root")));
			if (v.get("wantErr").asBoolean()) {
				assertThatThrownBy(verify::run).as(v.get("desc").asString()).isInstanceOf(ProofException.class);
			}
			else {
				verify.run();
			}
		}));
	}

	@TestFactory
	Stream<DynamicTest> consistencyVectors() throws IOException {
		List<Path> files = jsonFiles(vectors().resolve("consistency"));
		assertThat(files).hasSizeGreaterThan(50);
		return files.stream().map((f) -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
			JsonNode v = JSON.readTree(Files.readString(f));
			Runnable verify = () -> Merkle.verifyConsistency(u64(v.get("size1")), u64(v.get("size2")),
					hashes(v.get("proof")), b64(v.get("root1")), b64(v.get("root2")));
			if (v.get("wantErr").asBoolean()) {
				assertThatThrownBy(verify::run).as(v.get("desc").asString()).isInstanceOf(ProofException.class);
			}
			else {
				verify.run();
			}
		}));
	}

	/** The happy paths' proofs are the ones made here for the same tree. */
	@Test
	void proofsMadeHereAreTheVectorsHappyPaths() throws IOException {
		Map<Node, byte[]> stored = new HashMap<>();
		Frontier frontier = Frontier.empty();
		for (byte[] leaf : RFC_LEAVES) {
			frontier.append(Merkle.leafHash(leaf), stored);
		}
		Merkle.Hashes hashes = (nodes) -> {
			Map<Node, byte[]> out = new HashMap<>();
			nodes.forEach((n) -> out.put(n, stored.get(n)));
			return out;
		};
		int compared = 0;
		for (Path f : jsonFiles(vectors())) {
			if (!f.getFileName().toString().equals("happy-path.json")) {
				continue;
			}
			JsonNode v = JSON.readTree(Files.readString(f));
			if (v.has("leafIdx")) {
				long size = u64(v.get("treeSize"));
				if (size > RFC_LEAVES.size() || !equal(Merkle.root(size, hashes), b64(v.get("root")))) {
					continue;
				}
				assertThat(Merkle.inclusionProof(u64(v.get("leafIdx")), size, hashes))
					.containsExactlyElementsOf(hashes(v.get("proof")));
			}
			else {
				long size1 = u64(v.get("size1"));
				long size2 = u64(v.get("size2"));
				if (size2 > RFC_LEAVES.size() || !equal(Merkle.root(size2, hashes), b64(v.get("root2")))) {
					continue;
				}
				assertThat(Merkle.consistencyProof(size1, size2, hashes))
					.containsExactlyElementsOf(hashes(v.get("proof")));
			}
			compared++;
		}
		assertThat(compared).isGreaterThanOrEqualTo(5);
		assertThat(HexFormat.of().formatHex(frontier.root()))
			.isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
	}

	/**
	 * Every inclusion and consistency proof of trees up to 70 leaves, made from the
	 * stored perfect subtrees, verifies against the root recomputed from all leaves.
	 */
	@Test
	void proofsFromStoredSubtreesVerifyAgainstRecomputedRoots() {
		Map<Node, byte[]> stored = new HashMap<>();
		Merkle.Hashes hashes = (nodes) -> {
			Map<Node, byte[]> out = new HashMap<>();
			nodes.forEach((n) -> out.put(n, stored.get(n)));
			return out;
		};
		Frontier frontier = Frontier.empty();
		List<byte[]> leaves = new ArrayList<>();
		List<byte[]> roots = new ArrayList<>();
		roots.add(Merkle.emptyRoot());
		for (int i = 0; i < 70; i++) {
			byte[] leaf = Merkle.leafHash(("leaf " + i).getBytes());
			leaves.add(leaf);
			frontier.append(leaf, stored);
			byte[] root = Merkle.root(leaves);
			assertThat(frontier.root()).isEqualTo(root);
			assertThat(Merkle.root(i + 1, hashes)).isEqualTo(root);
			assertThat(Frontier.of(i + 1, hashes).stored()).isEqualTo(frontier.stored());
			assertThat(Frontier.of(i + 1, frontier.stored()).root()).isEqualTo(root);
			roots.add(root);
		}
		for (int size = 1; size <= 70; size++) {
			for (int index = 0; index < size; index++) {
				Merkle.verifyInclusion(index, size, leaves.get(index), Merkle.inclusionProof(index, size, hashes),
						roots.get(size));
			}
			for (int m = 1; m <= size; m++) {
				Merkle.verifyConsistency(m, size, Merkle.consistencyProof(m, size, hashes), roots.get(m),
						roots.get(size));
			}
		}
		List<byte[]> proof = Merkle.inclusionProof(3, 70, hashes);
		assertThatThrownBy(() -> Merkle.verifyInclusion(4, 70, leaves.get(3), proof, roots.get(70)))
			.isInstanceOf(ProofException.class);
		assertThatThrownBy(() -> Merkle.verifyConsistency(5, 70, Merkle.consistencyProof(6, 70, hashes), roots.get(5),
				roots.get(70)))
			.isInstanceOf(ProofException.class);
	}

	@Test
	void theEmptyTreeAndOneLeaf() {
		assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(HexFormat.of().formatHex(Merkle.leafHash(new byte[0])))
			.isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
	}

	private static boolean equal(byte[] a, byte[] b) {
		return java.util.Arrays.equals(a, b);
	}

	private static List<Path> jsonFiles(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter((p) -> p.toString().endsWith(".json")).sorted().toList();
		}
	}

	/** A uint64 of the vectors as Java's long (2^64 - 1 becomes -1, refused alike). */
	private static long u64(JsonNode n) {
		return n.bigIntegerValue().longValue();
	}

	private static byte[] b64(JsonNode n) {
		return (n == null || n.isNull()) ? new byte[0] : Base64.getDecoder().decode(n.asString());
	}

	private static List<byte[]> hashes(JsonNode n) {
		List<byte[]> out = new ArrayList<>();
		if (n != null && !n.isNull()) {
			n.forEach((h) -> out.add(b64(h)));
		}
		return out;
	}

}
