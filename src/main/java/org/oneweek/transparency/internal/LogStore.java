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
	LogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.upperLevels = new CaffeineCache("transparency-nodes",
				Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build(), false);
	}

	/** The leaf a case event was appended as. */
	public record Appended(long index, CaseId caseId, int seq) {

	}

	/**
	 * Appends the events as leaves, in order, in the caller's transaction.
	 * @return the leaves, with their indices
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Appended> append(List<CaseTimelineAppended> changes) {
		List<CaseTimelineAppended> nonEmpty = changes.stream().filter((c) -> !c.entries().isEmpty()).toList();
		if (nonEmpty.isEmpty()) {
			return List.of();
		}
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
		Frontier frontier = jdbc.sql("select size, frontier from tlog_state where id = 1")
			.query((rs, n) -> Frontier.of(rs.getLong("size"), rs.getBytes("frontier")))
			.single();
		Map<Long, byte[]> secrets = secrets(nonEmpty.stream().map((c) -> c.caseId().value()).distinct().toList());
		List<Appended> appended = new ArrayList<>();
		List<Object> leafParams = new ArrayList<>();
		Map<Node, byte[]> nodes = new LinkedHashMap<>();
		for (CaseTimelineAppended change : nonEmpty) {
			byte[] secret = secrets.get(change.caseId().value());
			for (CaseEvent e : change.entries()) {
				byte[] entry = leaf(change.reference(), e, secret).encode();
				long index = frontier.size();
				frontier.append(Merkle.leafHash(entry), nodes);
				appended.add(new Appended(index, change.caseId(), e.seq()));
				leafParams.add(index);
				leafParams.add(change.caseId().value());
				leafParams.add(e.seq());
				leafParams.add(entry);
			}
		}
		jdbc.sql("insert into tlog_leaf (idx, case_id, seq, entry) values " + rows(appended.size(), 4))
			.params(leafParams)
			.update();
		List<Object> nodeParams = new ArrayList<>();
		nodes.forEach((node, hash) -> {
			nodeParams.add(node.level());
			nodeParams.add(node.index());
			nodeParams.add(hash);
		});
		jdbc.sql("insert into tlog_node (level, idx, hash) values " + rows(nodes.size(), 3))
			.params(nodeParams)
			.update();
		jdbc.sql("update tlog_state set size = ?, frontier = ? where id = 1")
			.params(frontier.size(), frontier.stored())
			.update();
		return appended;
	}

	/** The leaf of an event: its public fields and the commitment to its private ones. */
	public static LeafEntry leaf(String reference, CaseEvent e, byte[] caseSecret) {
		return new LeafEntry(reference, e.seq(), e.kind().name(), e.at(),
				(e.fromState() != null) ? e.fromState().name() : null,
				(e.toState() != null) ? e.toState().name() : null, e.isPublic(),
				PrivateFields.commitment(PrivateFields.eventKey(caseSecret, e.seq()), e));
	}

	/** The cases' secrets, each made the first time the case is logged. */
	private Map<Long, byte[]> secrets(List<Long> caseIds) {
		Map<Long, byte[]> secrets = new HashMap<>();
		jdbc.sql("select case_id, secret from tlog_case_secret where case_id in (:ids)")
			.param("ids", caseIds)
			.query((rs) -> {
				secrets.put(rs.getLong("case_id"), rs.getBytes("secret"));
			});
		List<Object> params = new ArrayList<>();
		int missing = 0;
		for (Long id : caseIds) {
			if (!secrets.containsKey(id)) {
				byte[] secret = new byte[32];
				random.nextBytes(secret);
				secrets.put(id, secret);
				params.add(id);
				params.add(secret);
				missing++;
			}
		}
		if (missing > 0) {
			jdbc.sql("insert into tlog_case_secret (case_id, secret) values " + rows(missing, 2))
				.params(params)
				.update();
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

	private static String rows(int count, int columns) {
		String row = "(" + "?, ".repeat(columns - 1) + "?)";
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < count; i++) {
			sql.append((i == 0) ? "" : ", ").append(row);
		}
		return sql.toString();
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

	/** The hashes of those of the nodes that are stored. */
	public Map<Node, byte[]> readPresent(Collection<Node> nodes) {
		Map<Node, byte[]> found = new HashMap<>();
		if (nodes.isEmpty()) {
			return found;
		}
		List<Object> params = new ArrayList<>();
		for (Node n : nodes) {
			params.add(n.level());
			params.add(n.index());
		}
		jdbc.sql("select level, idx, hash from tlog_node where (level, idx) in (" + rows(nodes.size(), 2) + ")")
			.params(params)
			.query((rs) -> {
				found.put(new Node(rs.getInt("level"), rs.getLong("idx")), rs.getBytes("hash"));
			});
		return found;
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
