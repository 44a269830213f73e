package org.oneweek.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merkle tree hashing and proofs exactly as RFC 6962 / RFC 9162 section 2.1: the empty
 * tree hashes to SHA-256(""), a leaf to SHA-256(0x00 || data), a node to SHA-256(0x01 ||
 * left || right), and a tree of n leaves splits at the largest power of two smaller than
 * n. Proofs are made from the hashes of <em>perfect</em> subtrees ({@link Node}: 2^level
 * leaves starting at index × 2^level), which the log stores as it grows, so that no proof
 * and no append recomputes the tree.
 */
public final class Merkle {

	/** The size of every hash, in bytes. */
	public static final int HASH_SIZE = 32;

	private Merkle() {
	}

	/** A perfect subtree: the 2^level leaves starting at {@code index << level}. */
	public record Node(int level, long index) {

		public Node {
			if (level < 0 || level > 63 || index < 0) {
				throw new IllegalArgumentException("no such node " + level + "/" + index);
			}
		}

		public long start() {
			return index << level;
		}

	}

	/** Where the hashes of perfect subtrees are read from. */
	@FunctionalInterface
	public interface Hashes {

		/**
		 * @return the hash of each node asked for; every node must be part of the tree
		 */
		Map<Node, byte[]> read(Collection<Node> nodes);

	}

	/** A proof or a tree that does not verify; the message says why. */
	public static final class ProofException extends RuntimeException {

		public ProofException(String message) {
			super(message);
		}

	}

	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	public static byte[] leafHash(byte[] data) {
		MessageDigest sha = sha256();
		sha.update((byte) 0);
		return sha.digest(data);
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = sha256();
		sha.update((byte) 1);
		sha.update(left);
		return sha.digest(right);
	}

	/** The root of a whole tree given all its leaf hashes (recomputed from scratch). */
	public static byte[] root(List<byte[]> leafHashes) {
		if (leafHashes.isEmpty()) {
			return emptyRoot();
		}
		return mth(leafHashes, 0, leafHashes.size());
	}

	private static byte[] mth(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 1) {
			return leaves.get(from);
		}
		int k = (int) largestPowerOfTwoBelow(n);
		return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
	}

	/** The largest power of two smaller than n (n ≥ 2). */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	/**
	 * The perfect subtrees whose hashes make MTH(D[start:end]), in order from left to
	 * right.
	 */
	public static List<Node> nodesOf(long start, long end) {
		List<Node> nodes = new ArrayList<>();
		collect(start, end, nodes);
		return nodes;
	}

	private static void collect(long start, long end, Collection<Node> into) {
		long n = end - start;
		if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
			into.add(new Node(Long.numberOfTrailingZeros(n), start >>> Long.numberOfTrailingZeros(n)));
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		collect(start, start + k, into);
		collect(start + k, end, into);
	}

	/** MTH(D[start:end]) from the hashes of its perfect subtrees. */
	public static byte[] rangeHash(long start, long end, Map<Node, byte[]> known) {
		long n = end - start;
		if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
			Node node = new Node(Long.numberOfTrailingZeros(n), start >>> Long.numberOfTrailingZeros(n));
			byte[] hash = known.get(node);
			if (hash == null) {
				throw new IllegalStateException("missing hash of node " + node);
			}
			return hash;
		}
		long k = largestPowerOfTwoBelow(n);
		return nodeHash(rangeHash(start, start + k, known), rangeHash(start + k, end, known));
	}

	/** The root of a tree of the given size. */
	public static byte[] root(long size, Hashes hashes) {
		if (size == 0) {
			return emptyRoot();
		}
		return hashOfRanges(List.of(new long[] { 0, size }), hashes).get(0);
	}

	/**
	 * The ranges of leaves whose hashes are the inclusion proof of a leaf, leaf first
	 * (RFC 9162 2.1.3.1, PATH).
	 */
	static List<long[]> inclusionRanges(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
		}
		List<long[]> ranges = new ArrayList<>();
		path(index, 0, size, ranges);
		return ranges;
	}

	private static void path(long m, long start, long end, List<long[]> into) {
		long n = end - start;
		if (n == 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m < start + k) {
			path(m, start, start + k, into);
			into.add(new long[] { start + k, end });
		}
		else {
			path(m, start + k, end, into);
			into.add(new long[] { start, start + k });
		}
	}

	/**
	 * The ranges of leaves whose hashes are the consistency proof from size m to size n
	 * (RFC 9162 2.1.4.1, SUBPROOF), 0 &lt; m ≤ n.
	 */
	static List<long[]> consistencyRanges(long m, long n) {
		if (m <= 0 || m > n) {
			throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
		}
		List<long[]> ranges = new ArrayList<>();
		if (m < n) {
			subproof(m, 0, n, true, ranges);
		}
		return ranges;
	}

	private static void subproof(long m, long start, long end, boolean whole, List<long[]> into) {
		long n = end - start;
		if (m == n) {
			if (!whole) {
				into.add(new long[] { start, end });
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(m, start, start + k, whole, into);
			into.add(new long[] { start + k, end });
		}
		else {
			subproof(m - k, start + k, end, false, into);
			into.add(new long[] { start, start + k });
		}
	}

	/** The inclusion proof of the leaf at index in the tree of the given size. */
	public static List<byte[]> inclusionProof(long index, long size, Hashes hashes) {
		return hashOfRanges(inclusionRanges(index, size), hashes);
	}

	/** The consistency proof from the tree of size m to the tree of size n. */
	public static List<byte[]> consistencyProof(long m, long n, Hashes hashes) {
		return hashOfRanges(consistencyRanges(m, n), hashes);
	}

	/** The perfect subtrees a proof of these ranges needs, each once. */
	static Set<Node> nodesOf(List<long[]> ranges) {
		Set<Node> nodes = new LinkedHashSet<>();
		for (long[] r : ranges) {
			collect(r[0], r[1], nodes);
		}
		return nodes;
	}

	private static List<byte[]> hashOfRanges(List<long[]> ranges, Hashes hashes) {
		Map<Node, byte[]> known = hashes.read(nodesOf(ranges));
		List<byte[]> proof = new ArrayList<>(ranges.size());
		for (long[] r : ranges) {
			proof.add(rangeHash(r[0], r[1], known));
		}
		return proof;
	}

	/**
	 * Checks that the leaf hash is at index in the tree of the given size and root.
	 * @throws ProofException when it is not
	 */
	public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		byte[] computed = rootFromInclusion(index, size, leafHash, proof);
		if (!MessageDigest.isEqual(computed, root)) {
			throw new ProofException("the inclusion proof leads to another root");
		}
	}

	/**
	 * The root an inclusion proof leads to.
	 * @throws ProofException when the proof cannot be one for this index and size
	 */
	public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
		if (index < 0 || size < 0 || index >= size) {
			throw new ProofException("index " + index + " is beyond the tree's size " + size);
		}
		checkHashes(proof);
		if (leafHash.length != HASH_SIZE) {
			throw new ProofException("the leaf hash is not " + HASH_SIZE + " bytes");
		}
		int inner = innerProofSize(index, size);
		int border = Long.bitCount(index >>> inner);
		if (proof.size() != inner + border) {
			throw new ProofException("the proof has " + proof.size() + " hashes, not " + (inner + border));
		}
		byte[] result = chainInner(leafHash, proof.subList(0, inner), index);
		return chainBorderRight(result, proof.subList(inner, proof.size()));
	}

	/**
	 * Checks that the tree of size2 and root2 extends the tree of size1 and root1.
	 * @throws ProofException when the proof does not show it
	 */
	public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
		if (size1 < 0 || size2 < size1) {
			throw new ProofException("the second tree (" + size2 + ") is smaller than the first (" + size1 + ")");
		}
		if (size1 == 0) {
			throw new ProofException("a consistency proof from the empty tree proves nothing");
		}
		if (size1 == size2) {
			if (!proof.isEmpty()) {
				throw new ProofException("trees of the same size need an empty proof");
			}
			if (!MessageDigest.isEqual(root1, root2)) {
				throw new ProofException("trees of the same size have different roots");
			}
			return;
		}
		if (proof.isEmpty()) {
			throw new ProofException("the proof is empty");
		}
		checkHashes(proof);
		int inner = innerProofSize(size1 - 1, size2);
		int border = Long.bitCount((size1 - 1) >>> inner);
		int shift = Long.numberOfTrailingZeros(size1);
		inner -= shift;
		byte[] seed = proof.get(0);
		int start = 1;
		if (size1 == 1L << shift) {
			seed = root1;
			start = 0;
		}
		if (proof.size() != start + inner + border) {
			throw new ProofException("the proof has " + proof.size() + " hashes, not " + (start + inner + border));
		}
		List<byte[]> rest = proof.subList(start, proof.size());
		long mask = (size1 - 1) >>> shift;
		byte[] hash1 = chainBorderRight(chainInnerRight(seed, rest.subList(0, inner), mask),
				rest.subList(inner, rest.size()));
		if (!MessageDigest.isEqual(hash1, root1)) {
			throw new ProofException("the proof does not lead to the first root");
		}
		byte[] hash2 = chainBorderRight(chainInner(seed, rest.subList(0, inner), mask),
				rest.subList(inner, rest.size()));
		if (!MessageDigest.isEqual(hash2, root2)) {
			throw new ProofException("the proof does not lead to the second root");
		}
	}

	private static void checkHashes(List<byte[]> proof) {
		for (byte[] h : proof) {
			if (h.length != HASH_SIZE) {
				throw new ProofException("a hash of the proof is not " + HASH_SIZE + " bytes");
			}
		}
	}

	private static int innerProofSize(long index, long size) {
		return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
	}

	private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
		for (int i = 0; i < proof.size(); i++) {
			seed = (((index >>> i) & 1) == 0) ? nodeHash(seed, proof.get(i)) : nodeHash(proof.get(i), seed);
		}
		return seed;
	}

	private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
		for (int i = 0; i < proof.size(); i++) {
			if (((index >>> i) & 1) == 1) {
				seed = nodeHash(proof.get(i), seed);
			}
		}
		return seed;
	}

	private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
		for (byte[] h : proof) {
			seed = nodeHash(h, seed);
		}
		return seed;
	}

	/**
	 * The right edge of a tree: the perfect subtrees its size's bits make, largest first,
	 * as the log keeps them to append without reading the tree.
	 */
	public static final class Frontier {

		private long size;

		private final List<byte[]> hashes;

		private Frontier(long size, List<byte[]> hashes) {
			this.size = size;
			this.hashes = hashes;
		}

		public static Frontier empty() {
			return new Frontier(0, new ArrayList<>());
		}

		/** The frontier as stored: its hashes concatenated, largest subtree first. */
		public static Frontier of(long size, byte[] stored) {
			if (stored.length != Long.bitCount(size) * HASH_SIZE) {
				throw new IllegalStateException("a frontier of " + stored.length + " bytes for size " + size);
			}
			List<byte[]> hashes = new ArrayList<>();
			for (int i = 0; i < stored.length; i += HASH_SIZE) {
				hashes.add(Arrays.copyOfRange(stored, i, i + HASH_SIZE));
			}
			return new Frontier(size, hashes);
		}

		/** The frontier of the tree of this size, read from its perfect subtrees. */
		public static Frontier of(long size, Hashes source) {
			List<Node> nodes = edge(size);
			Map<Node, byte[]> known = source.read(nodes);
			List<byte[]> hashes = new ArrayList<>();
			for (Node n : nodes) {
				hashes.add(known.get(n));
			}
			return new Frontier(size, hashes);
		}

		/** The perfect subtrees on the right edge of a tree of this size. */
		public static List<Node> edge(long size) {
			List<Node> nodes = new ArrayList<>();
			long start = 0;
			for (int level = 63; level >= 0; level--) {
				if (((size >>> level) & 1) == 1) {
					nodes.add(new Node(level, start >>> level));
					start += 1L << level;
				}
			}
			return nodes;
		}

		public long size() {
			return size;
		}

		public byte[] stored() {
			byte[] out = new byte[hashes.size() * HASH_SIZE];
			for (int i = 0; i < hashes.size(); i++) {
				System.arraycopy(hashes.get(i), 0, out, i * HASH_SIZE, HASH_SIZE);
			}
			return out;
		}

		/**
		 * Appends a leaf.
		 * @param created receives every perfect subtree the leaf completes, the leaf
		 * itself first
		 */
		public void append(byte[] leafHash, Map<Node, byte[]> created) {
			long index = size;
			byte[] hash = leafHash;
			created.put(new Node(0, index), hash);
			int level = 0;
			while (((index >>> level) & 1) == 1) {
				byte[] left = hashes.remove(hashes.size() - 1);
				hash = nodeHash(left, hash);
				level++;
				created.put(new Node(level, index >>> level), hash);
			}
			hashes.add(hash);
			size++;
		}

		public byte[] root() {
			if (hashes.isEmpty()) {
				return emptyRoot();
			}
			byte[] root = hashes.get(hashes.size() - 1);
			for (int i = hashes.size() - 2; i >= 0; i--) {
				root = nodeHash(hashes.get(i), root);
			}
			return root;
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
