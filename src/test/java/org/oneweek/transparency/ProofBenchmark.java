package org.oneweek.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.oneweek.transparency.Merkle.Node;
import org.oneweek.transparency.internal.LogStore;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof times from the log's own store ({@link LogStore}, its SQL and its index) on a
 * tree of many leaves generated in the database by {@code bench/transparency-proofs.sh}.
 * Not a test: run by that script. Measured, each over random leaves (or sizes):
 * <ul>
 * <li>the proof alone, every hash from the database, and with the upper levels cached;
 * <li>the inclusion proof as the API answers it, less HTTP: the size checked, the proof,
 * the root and the leaf's entry, made into the JSON the controller returns. "before": as
 * it was, five statements (size, nodes as an IN list, entry, size, root's nodes); "now":
 * {@link TransparencyLog#inclusion}, one statement;
 * <li>the consistency proof as the API answers it, now.
 * </ul>
 *
 * <pre>
 * java -cp … org.oneweek.transparency.ProofBenchmark JDBC_URL SIZE [ROUNDS]
 * </pre>
 */
public final class ProofBenchmark {

	private ProofBenchmark() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setURL(args[0]);
		long size = Long.parseLong(args[1]);
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		JdbcClient jdbc = JdbcClient.create(ds);
		LogStore store = new LogStore(jdbc);
		TransparencyLog log = new TransparencyLog(store, null);
		JsonMapper json = JsonMapper.builder().build();
		List<String> kinds = List.of("inclusion proof alone, every hash from the database",
				"inclusion proof alone, upper levels cached", "consistency proof alone, upper levels cached",
				"inclusion as served less HTTP, before (5 statements)",
				"inclusion as served less HTTP, now (1 statement)",
				"consistency as served less HTTP, now (1 statement)");
		for (String kind : kinds) {
			// each with a cache of its own, warmed up as the JIT, the connection and the
			// prepared statements are
			store = new LogStore(jdbc);
			log = new TransparencyLog(store, null);
			BEFORE_CACHE.clear();
			run(kind, jdbc, store, log, json, size, rounds / 2);
			long[] nanos = run(kind, jdbc, store, log, json, size, rounds);
			Arrays.sort(nanos);
			System.out.printf("%s, %,d leaves, %d random: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n", kind,
					size, rounds, nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6,
					nanos[(int) (rounds * 0.99)] / 1e6, nanos[rounds - 1] / 1e6);
		}
	}

	private static long[] run(String kind, JdbcClient jdbc, LogStore store, TransparencyLog log, JsonMapper json,
			long size, int rounds) {
		long[] nanos = new long[rounds];
		long sink = 0;
		for (int r = 0; r < rounds; r++) {
			long i = ThreadLocalRandom.current().nextLong(size);
			long t0 = System.nanoTime();
			if (kind.startsWith("inclusion proof alone, every")) {
				sink += Merkle.inclusionProof(i, size, store).size();
			}
			else if (kind.startsWith("inclusion proof alone")) {
				sink += Merkle.inclusionProof(i, size, store.cache()).size();
			}
			else if (kind.startsWith("consistency proof alone")) {
				sink += Merkle.consistencyProof(Math.max(1, i), size, store.cache()).size();
			}
			else if (kind.contains("before")) {
				sink += before(jdbc, store, json, i, size).length();
			}
			else if (kind.startsWith("inclusion")) {
				TransparencyLog.Inclusion p = log.inclusion(i, size);
				sink += json.writeValueAsString(Map.of("index", p.index(), "size", p.size(), "root", b64(p.root()),
						"leafHash", b64(Merkle.leafHash(p.entry())), "entry", b64(p.entry()), "proof",
						p.proof().stream().map(ProofBenchmark::b64).toList()))
					.length();
			}
			else {
				TransparencyLog.Consistency p = log.consistency(Math.max(1, i), size);
				sink += json.writeValueAsString(
						Map.of("first", p.first(), "second", p.second(), "firstRoot", b64(p.firstRoot()), "secondRoot",
								b64(p.secondRoot()), "proof", p.proof().stream().map(ProofBenchmark::b64).toList()))
					.length();
			}
			nanos[r] = System.nanoTime() - t0;
		}
		if (sink == 0 && size > 1) {
			throw new IllegalStateException("no proof");
		}
		return nanos;
	}

	/**
	 * The served inclusion proof as it was before: the log's size, the proof's nodes (the
	 * upper levels cached, the others as an IN list: a statement text per node count,
	 * planned every time), the entry, the size again and the root's nodes.
	 */
	private static String before(JdbcClient jdbc, LogStore store, JsonMapper json, long i, long s) {
		Merkle.Hashes inList = (nodes) -> cachedInList(jdbc, store, nodes);
		long logSize = store.size();
		if (s > logSize) {
			throw new IllegalStateException();
		}
		List<byte[]> proof = Merkle.inclusionProof(i, s, inList);
		byte[] entry = store.entries(i, 1).get(0);
		store.size();
		byte[] root = Merkle.root(s, inList);
		return json.writeValueAsString(
				Map.of("index", i, "size", s, "root", b64(root), "leafHash", b64(Merkle.leafHash(entry)), "entry",
						b64(entry), "proof", proof.stream().map(ProofBenchmark::b64).toList()));
	}

	private static final Map<Node, byte[]> BEFORE_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	private static Map<Node, byte[]> cachedInList(JdbcClient jdbc, LogStore store, Collection<Node> nodes) {
		Map<Node, byte[]> found = new HashMap<>();
		List<Node> missing = new ArrayList<>();
		for (Node n : nodes) {
			byte[] h = (n.level() >= 8) ? BEFORE_CACHE.get(n) : null;
			if (h != null) {
				found.put(n, h);
			}
			else {
				missing.add(n);
			}
		}
		if (!missing.isEmpty()) {
			List<Object> params = new ArrayList<>();
			StringBuilder in = new StringBuilder();
			for (Node n : missing) {
				in.append(in.isEmpty() ? "" : ", ").append("(?, ?)");
				params.add(n.level());
				params.add(n.index());
			}
			jdbc.sql("select level, idx, hash from tlog_node where (level, idx) in (" + in + ")")
				.params(params)
				.query((rs) -> {
					Node n = new Node(rs.getInt("level"), rs.getLong("idx"));
					found.put(n, rs.getBytes("hash"));
					if (n.level() >= 8 && BEFORE_CACHE.size() < 500_000) {
						BEFORE_CACHE.put(n, rs.getBytes("hash"));
					}
				});
		}
		return found;
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
