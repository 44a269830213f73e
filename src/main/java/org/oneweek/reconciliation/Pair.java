package org.oneweek.reconciliation;

/**
 * Two items of different lists, in a fixed order (so a pair is the same whichever way it
 * was named).
 */
public record Pair(ItemRef left, ItemRef right) {

	public Pair {
		if (left.kind() == right.kind()) {
			throw new ReconciliationRuleException("reconciliation.pair.sameList");
		}
		if (left.compareTo(right) > 0) {
			ItemRef swap = left;
			left = right;
			right = swap;
		}
	}

	public static Pair of(ItemRef a, ItemRef b) {
		return new Pair(a, b);
	}

	public boolean has(ItemRef ref) {
		return left.equals(ref) || right.equals(ref);
	}

	public ItemRef other(ItemRef ref) {
		return left.equals(ref) ? right : left;
	}

}
