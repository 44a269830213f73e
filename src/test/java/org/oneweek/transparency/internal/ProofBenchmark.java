package org.oneweek.transparency.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.oneweek.transparency.Merkle;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inclusion and consistency proof times from the log's own store ({@link LogStore}, its
 * SQL and its index) on a tree of many leaves whose perfect-subtree hashes were generated
 * in the database by {@code bench/transparency-proofs.sh}. Not a test: run by that
 * script.
 *
 * <pre>
 * java -cp … org.oneweek.transparency.internal.ProofBenchmark JDBC_URL SIZE [ROUNDS]
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
		LogStore store = new LogStore(JdbcClient.create(ds));
		for (boolean cached : List.of(false, true)) {
			for (String kind : List.of("inclusion", "consistency")) {
				// warm up the JIT, the connection and (cached) the upper levels
				run(kind, store, size, rounds / 4, cached);
				long[] nanos = run(kind, store, size, rounds, cached);
				Arrays.sort(nanos);
				System.out.printf("%s proof, %s, %,d leaves, %d random proofs: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
						kind, cached ? "upper levels cached (as served)" : "every hash from the database", size, rounds,
						nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.99)] / 1e6, nanos[rounds - 1] / 1e6);
			}
		}
	}

	private static long[] run(String kind, LogStore store, long size, int rounds, boolean cached) {
		long[] nanos = new long[rounds];
		List<byte[]> sink = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			long i = ThreadLocalRandom.current().nextLong(size);
			long t0 = System.nanoTime();
			if (kind.equals("inclusion")) {
				sink = Merkle.inclusionProof(i, size, cached ? store.cache() : store);
			}
			else {
				sink = Merkle.consistencyProof(Math.max(1, i), size, cached ? store.cache() : store);
			}
			nanos[r] = System.nanoTime() - t0;
		}
		if (sink.isEmpty() && size > 1) {
			throw new IllegalStateException("no proof");
		}
		return nanos;
	}

}
