package org.oneweek.transparency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oneweek.casework.CaseId;
import org.oneweek.transparency.Merkle.Node;
import org.oneweek.transparency.internal.LogSigner;
import org.oneweek.transparency.internal.LogStore;
import org.springframework.stereotype.Service;

/**
 * Reads of the log: its size, roots, proofs, leaves and the leaf index of each case
 * event. Every case event is appended by the log itself, in the transaction that records
 * the event (the ledger's {@code CaseTimelineAppended}).
 */
@Service
public class TransparencyLog {

	private final LogStore store;

	private final LogSigner signer;

	/** The log over its store (the signer only for its checkpoints). */
	public TransparencyLog(LogStore store, LogSigner signer) {
		this.store = store;
		this.signer = signer;
	}

	/** The latest signed checkpoint (the village poster prints its size and root). */
	public Optional<Checkpoint> latestCheckpoint() {
		return signer.latest();
	}

	/** The verifier key, as {@code /transparency/key} serves it. */
	public String verifierKey() {
		return signer.verifier().encoded();
	}

	/** The number of leaves committed. */
	public long size() {
		return store.size();
	}

	/** The root hash of the tree of the given size (at most the log's size). */
	public byte[] root(long size) {
		checkSize(size, size());
		return Merkle.root(size, store.cache());
	}

	/**
	 * The inclusion proof of the leaf at index in the tree of the given size.
	 * @throws LogInputException when the index is not below the size, or the size beyond
	 * the log
	 */
	public List<byte[]> inclusionProof(long index, long size) {
		checkSize(size, size());
		if (index < 0 || index >= size) {
			throw new LogInputException(400, "transparency.error.index", index, size);
		}
		return Merkle.inclusionProof(index, size, store.cache());
	}

	/**
	 * The consistency proof from the tree of size first to the tree of size second.
	 * @throws LogInputException unless 0 &lt; first ≤ second ≤ the log's size
	 */
	public List<byte[]> consistencyProof(long first, long second) {
		checkSize(second, size());
		if (first <= 0 || first > second) {
			throw new LogInputException(400, "transparency.error.sizes", first, second);
		}
		return Merkle.consistencyProof(first, second, store.cache());
	}

	/** An inclusion proof with what checking it needs: the root and the leaf's entry. */
	public record Inclusion(long index, long size, List<byte[]> proof, byte[] root, byte[] entry) {

	}

	/** A consistency proof with the two roots it leads to. */
	public record Consistency(long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {

	}

	/**
	 * The inclusion proof of the leaf at index in the tree of the given size, with that
	 * tree's root and the leaf's entry: read in one statement (the log's size, every hash
	 * the proof and the root need that is not in memory, the entry).
	 * @throws LogInputException when the index is not below the size, or the size beyond
	 * the log
	 */
	public Inclusion inclusion(long index, long size) {
		boolean wellFormed = size > 0 && index >= 0 && index < size;
		List<long[]> ranges = wellFormed ? Merkle.inclusionRanges(index, size) : List.of();
		Set<Node> nodes = new LinkedHashSet<>(Merkle.nodesOf(ranges));
		if (wellFormed) {
			nodes.addAll(Merkle.nodesOf(0, size));
		}
		LogStore.ProofRead read = store.readForProof(nodes, wellFormed ? index : -1);
		checkSize(size, read.size());
		if (!wellFormed || read.entry() == null) {
			throw new LogInputException(400, "transparency.error.index", index, size);
		}
		List<byte[]> proof = new ArrayList<>(ranges.size());
		for (long[] r : ranges) {
			proof.add(Merkle.rangeHash(r[0], r[1], read.hashes()));
		}
		return new Inclusion(index, size, proof, Merkle.rangeHash(0, size, read.hashes()), read.entry());
	}

	/**
	 * The consistency proof from the tree of size first to the tree of size second, with
	 * both roots, read in one statement.
	 * @throws LogInputException unless 0 &lt; first ≤ second ≤ the log's size
	 */
	public Consistency consistency(long first, long second) {
		boolean wellFormed = first > 0 && first <= second;
		List<long[]> ranges = wellFormed ? Merkle.consistencyRanges(first, second) : List.of();
		Set<Node> nodes = new LinkedHashSet<>(Merkle.nodesOf(ranges));
		if (wellFormed) {
			nodes.addAll(Merkle.nodesOf(0, first));
			nodes.addAll(Merkle.nodesOf(0, second));
		}
		LogStore.ProofRead read = store.readForProof(nodes, -1);
		checkSize(second, read.size());
		if (!wellFormed) {
			throw new LogInputException(400, "transparency.error.sizes", first, second);
		}
		List<byte[]> proof = new ArrayList<>(ranges.size());
		for (long[] r : ranges) {
			proof.add(Merkle.rangeHash(r[0], r[1], read.hashes()));
		}
		return new Consistency(first, second, proof, Merkle.rangeHash(0, first, read.hashes()),
				Merkle.rangeHash(0, second, read.hashes()));
	}

	private static void checkSize(long size, long logSize) {
		if (size < 0 || size > logSize) {
			throw new LogInputException(400, "transparency.error.size", size, logSize);
		}
	}

	/** The leaf at index, as its bytes are in the entry bundles. */
	public Optional<byte[]> entry(long index) {
		if (index < 0) {
			return Optional.empty();
		}
		return store.entries(index, 1).stream().findFirst();
	}

	/** The entries of count consecutive leaves from index. */
	public List<byte[]> entries(long from, int count) {
		return new ArrayList<>(store.entries(from, count));
	}

	/** The leaf index of each logged event of a case, by the event's number (seq). */
	public Map<Integer, Long> leafIndices(CaseId caseId) {
		return store.indices(caseId);
	}

}
