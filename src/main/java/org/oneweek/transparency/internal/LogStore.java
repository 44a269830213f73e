package org.oneweek.transparency.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.oneweek.casework.CaseId;
import org.oneweek.platform.Caches;
import org.oneweek.transparency.LeafEntry;
import org.oneweek.transparency.Merkle;
import org.oneweek.transparency.Merkle.Frontier;
import org.oneweek.transparency.Merkle.Node;
import org.oneweek.transparency.PrivateFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one writer of the log's tables: leaves appended under one PostgreSQL advisory lock
 * (so indices are gap-free and in commit order, whichever application instance writes),
 * with the perfect subtrees each leaf completes and the tree's new right edge, read and
 * written as one row: an append never reads the tree.
 */
@Repository
public class LogStore implements Merkle.Hashes {

	/** The advisory lock of the log ("onewktlg"): every writer holds it until commit. */
	static final long LOCK = 0x6f6e65776b746c67L;

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	/** Taken by this instance's appenders in turn (see {@link #append}). */
	private final ReentrantLock appending = new ReentrantLock();

	/** Bound to a transaction that holds the log's lock (see {@link #inTurn}). */
	private final Object lockHeld = new Object();

	/** The tree as this instance's last append left it: where the next one starts. */
	private volatile Edge edge = new Edge(false, 0, new byte[0]);

	/**
	 * Hashes of perfect subtrees of 256 leaves or more, once read: they never change, and
	 * every proof needs some (about 80,000 at ten million leaves). Only proofs served to
	 * the public read through it; signing and the audit read the database itself. Bounded
	 * ({@code oneweek.cache.specs.transparency-nodes}): past its size, the least used go.
	 */
	private final Cache upperLevels;

	private static final int CACHED_FROM_LEVEL = 8;

	private static final int CACHE_LIMIT = 500_000;

	@Autowired
	LogStore(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.upperLevels = caches.cache("transparency-nodes", null);
	}

	/** With a cache of its own (the proof benchmark, without Spring). */
	public LogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.upperLevels = new CaffeineCache("transparency-nodes",
				Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build(), false);
	}

	/** The leaf a case event was appended as. */
	public record Appended(long index, CaseId caseId, int seq) {

	}

	/**
	 * Appends the events as leaves, in order, in the caller's transaction, in one
	 * statement ({@code tlog_append}) in the usual case. What does not depend on the tree
	 * is done before the log's lock: the cases' secrets (one statement), the leaves'
	 * bytes and hashes. The tree's right edge is kept in memory: the perfect subtrees the
	 * leaves complete are computed from it, and {@code tlog_append} takes the lock,
	 * checks that the tree is still that one (its size and right edge as stored) and
	 * writes leaves, nodes and the new edge. When it is not (another instance appended,
	 * or this instance's last append was rolled back), the statement returns the tree as
	 * it is and the append computes again from it, now holding the lock. Within this
	 * instance, appenders take turns on a Java lock held until their statement returns,
	 * so that each computes from the edge its predecessor left, and waits in PostgreSQL
	 * only for that predecessor's commit.
	 * @return the leaves, with their indices
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Appended> append(List<CaseTimelineAppended> changes) {
		List<CaseTimelineAppended> nonEmpty = changes.stream().filter((c) -> !c.entries().isEmpty()).toList();
		if (nonEmpty.isEmpty()) {
			return List.of();
		}
		Map<Long, byte[]> secrets = secrets(nonEmpty.stream().map((c) -> c.caseId().value()).distinct().toList());
		int count = nonEmpty.stream().mapToInt((c) -> c.entries().size()).sum();
		long[] caseIds = new long[count];
		int[] seqs = new int[count];
		byte[][] entries = new byte[count][];
		byte[][] leafHashes = new byte[count][];
		int n = 0;
		for (CaseTimelineAppended change : nonEmpty) {
			byte[] secret = secrets.get(change.caseId().value());
			for (CaseEvent e : change.entries()) {
				caseIds[n] = change.caseId().value();
				seqs[n] = e.seq();
				entries[n] = leaf(change.reference(), e, secret).encode();
				leafHashes[n] = Merkle.leafHash(entries[n]);
				n++;
			}
		}
		return inTurn(() -> appendInTurn(count, caseIds, seqs, entries, leafHashes));
	}

	/**
	 * Runs the work in this instance's turn: the Java lock first, then (in the work) the
	 * log's lock in PostgreSQL, always in that order; a transaction that holds the log's
	 * lock already (it appended before) needs no turn, and must not wait for one (the
	 * turn's holder may be waiting for this transaction's commit).
	 */
	private <T> T inTurn(java.util.function.Supplier<T> work) {
		if (TransactionSynchronizationManager.hasResource(lockHeld)) {
			return work.get();
		}
		appending.lock();
		try {
			return work.get();
		}
		finally {
			appending.unlock();
		}
	}

	/** Notes that this transaction holds the log's lock until it ends. */
	private void holdsLock() {
		if (!TransactionSynchronizationManager.hasResource(lockHeld)) {
			TransactionSynchronizationManager.bindResource(lockHeld, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(lockHeld);
				}
			});
		}
	}

	private List<Appended> appendInTurn(int count, long[] caseIds, int[] seqs, byte[][] entries, byte[][] leafHashes) {
		Edge edge = this.edge;
		for (int attempt = 0; attempt < 2; attempt++) {
			Frontier frontier = Frontier.of(edge.size(), edge.stored());
			Map<Node, byte[]> nodes = new LinkedHashMap<>();
			for (byte[] hash : leafHashes) {
				frontier.append(hash, nodes);
			}
			int[] levels = new int[nodes.size()];
			long[] indices = new long[nodes.size()];
			byte[][] hashes = new byte[nodes.size()][];
			int i = 0;
			for (Map.Entry<Node, byte[]> node : nodes.entrySet()) {
				levels[i] = node.getKey().level();
				indices[i] = node.getKey().index();
				hashes[i] = node.getValue();
				i++;
			}
			byte[] newEdge = frontier.stored();
			Edge result = jdbc.sql("select appended, size, frontier from tlog_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(LOCK, edge.size(), edge.stored(), newEdge, caseIds, seqs, entries, levels, indices, hashes)
				.query((rs, row) -> new Edge(rs.getBoolean("appended"), rs.getLong("size"), rs.getBytes("frontier")))
				.single();
			holdsLock();
			// what the next appender computes from: this append, if it commits (if it
			// does not, the next one finds another tree and computes again)
			this.edge = result;
			if (result.appended()) {
				List<Appended> appended = new ArrayList<>(count);
				for (int k = 0; k < count; k++) {
					appended.add(new Appended(edge.size() + k, CaseId.of(caseIds[k]), seqs[k]));
				}
				return appended;
			}
			edge = result;
		}
		throw new IllegalStateException("the log's tree changed while its lock was held");
	}

	/** The tree's size and right edge, as the last append of this instance left them. */
	private record Edge(boolean appended, long size, byte[] stored) {

	}

	/**
	 * Appends those of the events that have no leaf yet (the backfill's append): under
	 * the log's lock, so that an event appended meanwhile by another instance's backfill
	 * is not appended twice.
	 * @return the leaves appended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Appended> appendMissing(List<CaseTimelineAppended> changes) {
		if (changes.isEmpty()) {
			return List.of();
		}
		return inTurn(() -> appendMissingInTurn(changes));
	}

	private List<Appended> appendMissingInTurn(List<CaseTimelineAppended> changes) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
		holdsLock();
		java.util.Set<String> logged = new java.util.HashSet<>();
		jdbc.sql("select case_id, seq from tlog_leaf where case_id in (:ids)")
			.param("ids", changes.stream().map((c) -> c.caseId().value()).distinct().toList())
			.query((rs) -> {
				logged.add(rs.getLong("case_id") + "/" + rs.getInt("seq"));
			});
		List<CaseTimelineAppended> missing = new ArrayList<>();
		for (CaseTimelineAppended c : changes) {
			List<CaseEvent> entries = c.entries()
				.stream()
				.filter((e) -> !logged.contains(c.caseId().value() + "/" + e.seq()))
				.toList();
			if (!entries.isEmpty()) {
				missing.add(new CaseTimelineAppended(c.caseId(), c.reference(), entries));
			}
		}
		return append(missing);
	}

	/** The leaf of an event: its public fields and the commitment to its private ones. */
	public static LeafEntry leaf(String reference, CaseEvent e, byte[] caseSecret) {
		return new LeafEntry(reference, e.seq(), e.kind().name(), e.at(),
				(e.fromState() != null) ? e.fromState().name() : null,
				(e.toState() != null) ? e.toState().name() : null, e.isPublic(),
				PrivateFields.commitment(PrivateFields.eventKey(caseSecret, e.seq()), e));
	}

	/**
	 * The cases' secrets, each made the first time the case is logged: in one statement,
	 * which inserts a new secret for the cases that have none and reads the others.
	 */
	private Map<Long, byte[]> secrets(List<Long> caseIds) {
		long[] ids = new long[caseIds.size()];
		byte[][] fresh = new byte[caseIds.size()][];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = caseIds.get(i);
			fresh[i] = new byte[32];
			random.nextBytes(fresh[i]);
		}
		Map<Long, byte[]> secrets = new HashMap<>();
		jdbc.sql("""
				with made as (
				    insert into tlog_case_secret (case_id, secret) select * from unnest(?::bigint[], ?::bytea[])
				    on conflict (case_id) do nothing returning case_id, secret)
				select case_id, secret from made
				union all
				select case_id, secret from tlog_case_secret where case_id = any(?::bigint[])""")
			.params(ids, fresh, ids)
			.query((rs) -> {
				secrets.put(rs.getLong("case_id"), rs.getBytes("secret"));
			});
		if (secrets.size() < ids.length) {
			// made by a transaction that committed after this statement began
			jdbc.sql("select case_id, secret from tlog_case_secret where case_id = any(?::bigint[])")
				.param(ids)
				.query((rs) -> {
					secrets.put(rs.getLong("case_id"), rs.getBytes("secret"));
				});
		}
		return secrets;
	}

	/** A case's secret, if it was logged. */
	public Optional<byte[]> secret(CaseId caseId) {
		return jdbc.sql("select secret from tlog_case_secret where case_id = ?")
			.param(caseId.value())
			.query(byte[].class)
			.optional();
	}

	/** The number of leaves committed. */
	public long size() {
		return jdbc.sql("select size from tlog_state where id = 1").query(Long.class).single();
	}

	/** A stored leaf. */
	public record Leaf(long index, long caseId, int seq, byte[] entry) {

	}

	/** The stored leaves from index, at most count, in order. */
	public List<Leaf> leaves(long from, int count) {
		return jdbc.sql("select idx, case_id, seq, entry from tlog_leaf where idx >= ? and idx < ? order by idx")
			.params(from, from + count)
			.query((rs, n) -> new Leaf(rs.getLong("idx"), rs.getLong("case_id"), rs.getInt("seq"),
					rs.getBytes("entry")))
			.list();
	}

	/**
	 * The hashes of those of the nodes that are stored, in one statement whose text is
	 * the same for any number of nodes (so the driver prepares it once and PostgreSQL
	 * does not plan it again for every proof).
	 */
	public Map<Node, byte[]> readPresent(Collection<Node> nodes) {
		Map<Node, byte[]> found = new HashMap<>();
		if (nodes.isEmpty()) {
			return found;
		}
		jdbc.sql(NODES).params(levels(nodes), indices(nodes)).query((rs) -> {
			found.put(new Node(rs.getInt("level"), rs.getLong("idx")), rs.getBytes("hash"));
		});
		return found;
	}

	private static final String NODES = """
			select n.level, n.idx, n.hash from unnest(?::int[], ?::bigint[]) as w(level, idx)
			join tlog_node n on n.level = w.level and n.idx = w.idx""";

	private static int[] levels(Collection<Node> nodes) {
		return nodes.stream().mapToInt(Node::level).toArray();
	}

	private static long[] indices(Collection<Node> nodes) {
		return nodes.stream().mapToLong(Node::index).toArray();
	}

	/**
	 * What a proof reads, in one statement: the log's size, the hashes of the nodes (the
	 * upper levels from memory once read) and, if leafIndex is not negative, that leaf's
	 * entry.
	 *
	 * @param hashes every node asked for that is stored (none beyond the log's size)
	 * @param entry the leaf's entry, or null
	 */
	public record ProofRead(long size, Map<Node, byte[]> hashes, byte @Nullable [] entry) {

	}

	/** {@link ProofRead}: the size, the nodes' hashes and a leaf's entry, at once. */
	public ProofRead readForProof(Collection<Node> nodes, long leafIndex) {
		Map<Node, byte[]> found = new HashMap<>();
		List<Node> missing = new ArrayList<>();
		for (Node n : nodes) {
			byte[] hash = (n.level() >= CACHED_FROM_LEVEL) ? upperLevels.get(n, byte[].class) : null;
			if (hash != null) {
				found.put(n, hash);
			}
			else {
				missing.add(n);
			}
		}
		long[] size = { -1 };
		byte[][] entry = { null };
		jdbc.sql("select -2 as level, size as idx, null::bytea as hash from tlog_state where id = 1 union all "
				+ NODES.replace("select n.level", "select n.level::int") + " union all "
				+ "select -1, l.idx, l.entry from tlog_leaf l where l.idx = ?")
			.params(levels(missing), indices(missing), leafIndex)
			.query((rs) -> {
				int level = rs.getInt("level");
				if (level == -2) {
					size[0] = rs.getLong("idx");
				}
				else if (level == -1) {
					entry[0] = rs.getBytes("hash");
				}
				else {
					Node n = new Node(level, rs.getLong("idx"));
					byte[] hash = rs.getBytes("hash");
					found.put(n, hash);
					if (level >= CACHED_FROM_LEVEL) {
						upperLevels.put(n, hash);
					}
				}
			});
		return new ProofRead(size[0], found, entry[0]);
	}

	/** The hashes of the nodes, the upper levels from memory once read. */
	public Map<Node, byte[]> cached(Collection<Node> nodes) {
		Map<Node, byte[]> found = new HashMap<>();
		List<Node> missing = new ArrayList<>();
		for (Node n : nodes) {
			byte[] hash = (n.level() >= CACHED_FROM_LEVEL) ? upperLevels.get(n, byte[].class) : null;
			if (hash != null) {
				found.put(n, hash);
			}
			else {
				missing.add(n);
			}
		}
		Map<Node, byte[]> read = read(missing);
		read.forEach((n, hash) -> {
			if (n.level() >= CACHED_FROM_LEVEL) {
				upperLevels.put(n, hash);
			}
		});
		found.putAll(read);
		return found;
	}

	/** {@link #cached}, as proofs read it. */
	public Merkle.Hashes cache() {
		return this::cached;
	}

	@Override
	public Map<Node, byte[]> read(Collection<Node> nodes) {
		Map<Node, byte[]> found = readPresent(nodes);
		for (Node n : nodes) {
			if (!found.containsKey(n)) {
				throw new IllegalStateException("the log has no hash of node " + n);
			}
		}
		return found;
	}

	/** The hashes of count consecutive perfect subtrees of a level, concatenated. */
	public byte[] hashes(int level, long from, int count) {
		List<byte[]> rows = jdbc.sql("select hash from tlog_node where level = ? and idx >= ? and idx < ? order by idx")
			.params(level, from, from + count)
			.query(byte[].class)
			.list();
		if (rows.size() != count) {
			throw new IllegalStateException(
					"the log has " + rows.size() + " of " + count + " hashes at level " + level);
		}
		byte[] out = new byte[count * Merkle.HASH_SIZE];
		for (int i = 0; i < count; i++) {
			System.arraycopy(rows.get(i), 0, out, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
		}
		return out;
	}

	/** The entries of count consecutive leaves. */
	public List<byte[]> entries(long from, int count) {
		return jdbc.sql("select entry from tlog_leaf where idx >= ? and idx < ? order by idx")
			.params(from, from + count)
			.query(byte[].class)
			.list();
	}

	/** The leaf index of each of a case's logged events, by the event's number. */
	public Map<Integer, Long> indices(CaseId caseId) {
		Map<Integer, Long> indices = new LinkedHashMap<>();
		jdbc.sql("select seq, idx from tlog_leaf where case_id = ? order by seq").param(caseId.value()).query((rs) -> {
			indices.put(rs.getInt("seq"), rs.getLong("idx"));
		});
		return indices;
	}

}
