package org.oneweek.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.transparency.Merkle.Node;
import org.oneweek.transparency.internal.LogBackfill;
import org.oneweek.transparency.internal.LogSigner;
import org.oneweek.transparency.internal.LogStore;
import org.springframework.stereotype.Service;

/**
 * The operator's check of the log against the ledger, with the database in hand
 * ({@code java -jar oneweek.jar audit-log}): every case event is a leaf whose bytes are
 * the event's (an altered event row no longer makes its leaf), every leaf is an event (a
 * deleted row leaves a leaf without one), every stored hash is the hash of what is below
 * it, and the tree makes the last signed root. Each problem names the leaf index.
 */
@Service
public class LogAudit {

	private final LogStore store;

	private final LogSigner signer;

	private final Cases cases;

	private final LogBackfill backfill;

	LogAudit(LogStore store, LogSigner signer, Cases cases, LogBackfill backfill) {
		this.store = store;
		this.signer = signer;
		this.cases = cases;
		this.backfill = backfill;
	}

	/**
	 * @return the problems found, each naming its leaf index; empty when all holds
	 */
	public List<String> run() {
		List<String> problems = new ArrayList<>();
		long size = store.size();
		List<byte[]> level = new ArrayList<>();
		Map<Long, List<Long>> leavesOfCase = new HashMap<>();
		for (long from = 0; from < size; from += 4096) {
			int count = (int) Math.min(4096, size - from);
			Map<Long, LogStore.Leaf> leaves = new HashMap<>();
			store.leaves(from, count).forEach((leaf) -> leaves.put(leaf.index(), leaf));
			List<Node> nodes = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				nodes.add(new Node(0, from + i));
			}
			Map<Node, byte[]> hashes = store.readPresent(nodes);
			for (int i = 0; i < count; i++) {
				LogStore.Leaf leaf = leaves.get(from + i);
				byte[] hash = hashes.get(new Node(0, from + i));
				if (leaf == null || hash == null) {
					problems.add("leaf " + (from + i) + ": missing (deleted)");
					level.add(new byte[32]);
					continue;
				}
				if (!Arrays.equals(Merkle.leafHash(leaf.entry()), hash)) {
					problems.add("leaf " + leaf.index() + ": its bytes do not make its stored hash");
				}
				leavesOfCase.computeIfAbsent(leaf.caseId(), (k) -> new ArrayList<>()).add(leaf.index());
				level.add(hash);
			}
		}
		// every perfect subtree stored is the hash of its two halves
		for (int l = 1; level.size() >= 2; l++) {
			List<byte[]> next = new ArrayList<>();
			for (int i = 0; i + 1 < level.size(); i += 2) {
				next.add(Merkle.nodeHash(level.get(i), level.get(i + 1)));
			}
			Map<Node, byte[]> stored = new HashMap<>();
			List<Node> nodes = new ArrayList<>();
			for (int i = 0; i < next.size(); i++) {
				nodes.add(new Node(l, i));
			}
			for (int i = 0; i < nodes.size(); i += 1000) {
				stored.putAll(store.readPresent(nodes.subList(i, Math.min(nodes.size(), i + 1000))));
			}
			for (int i = 0; i < next.size(); i++) {
				byte[] s = stored.get(new Node(l, i));
				if (s == null || !Arrays.equals(s, next.get(i))) {
					problems.add("leaves " + ((long) i << l) + "–" + (((long) (i + 1) << l) - 1)
							+ ": the stored hash of " + "level " + l + " does not match them");
				}
			}
			level = next;
		}
		// every leaf is its event, every event a leaf
		for (Map.Entry<Long, List<Long>> c : leavesOfCase.entrySet()) {
			CaseId caseId = CaseId.of(c.getKey());
			byte[] secret = store.secret(caseId).orElse(null);
			List<CaseEvent> events = cases.events(caseId);
			String reference = cases.byId(caseId).map((k) -> k.reference()).orElse("?");
			Map<Integer, Long> indices = store.indices(caseId);
			Map<Integer, CaseEvent> bySeq = new HashMap<>();
			events.forEach((e) -> bySeq.put(e.seq(), e));
			for (Map.Entry<Integer, Long> leaf : indices.entrySet()) {
				CaseEvent e = bySeq.get(leaf.getKey());
				if (e == null) {
					problems.add("leaf " + leaf.getValue() + ": event " + leaf.getKey() + " of " + reference
							+ " was deleted");
					continue;
				}
				byte[] expected = (secret == null) ? null : LogStore.leaf(reference, e, secret).encode();
				byte[] actual = store.entries(leaf.getValue(), 1).stream().findFirst().orElse(null);
				if (expected == null || !Arrays.equals(expected, actual)) {
					problems.add("leaf " + leaf.getValue() + ": event " + e.seq() + " of " + reference
							+ " is not what was logged (altered)");
				}
			}
		}
		// every case event a leaf, also those of cases with no leaf at all (recorded
		// before
		// the log existed, or while it was off: the backfill appends them at the next
		// start)
		long missing = backfill.countMissing();
		List<LogBackfill.Missing> first = backfill.missing(0, 100);
		Map<CaseId, String> references = new HashMap<>();
		cases.byIds(first.stream().map(LogBackfill.Missing::caseId).distinct().toList())
			.forEach((k) -> references.put(k.id(), k.reference()));
		for (LogBackfill.Missing m : first) {
			problems
				.add("case " + references.getOrDefault(m.caseId(), "?") + ": event " + m.seq() + " is not in the log");
		}
		if (missing > first.size()) {
			problems.add((missing - first.size()) + " more case events are not in the log");
		}
		signer.latest().ifPresent((checkpoint) -> {
			if (checkpoint.size() > size) {
				problems.add("the log has " + size + " leaves, fewer than the " + checkpoint.size() + " signed");
			}
			else if (!Arrays.equals(Merkle.root(leafHashesUpTo(checkpoint.size())), checkpoint.root())) {
				problems.add("the first " + checkpoint.size() + " leaves no longer make the signed root");
			}
		});
		return problems;
	}

	private List<byte[]> leafHashesUpTo(long size) {
		List<byte[]> hashes = new ArrayList<>();
		for (long from = 0; from < size; from += 4096) {
			int count = (int) Math.min(4096, size - from);
			for (LogStore.Leaf leaf : store.leaves(from, count)) {
				hashes.add(Merkle.leafHash(leaf.entry()));
			}
		}
		return hashes;
	}

}
