package org.oneweek.reconciliation;

import java.util.Comparator;

import org.oneweek.platform.Ids;

/**
 * An item of one of the three lists: a case of the ledger (villagers' problems and the
 * officials' list) or an inspection finding, by its id. Written {@code V12}, {@code O7},
 * {@code F3} in forms and links.
 */
public record ItemRef(ItemKind kind, long id) implements Comparable<ItemRef> {

	private static final Comparator<ItemRef> ORDER = Comparator.comparing((ItemRef ref) -> ref.kind().code())
		.thenComparingLong(ItemRef::id);

	public ItemRef {
		if (kind == null) {
			throw new ReconciliationRuleException("reconciliation.item.unknown");
		}
		Ids.positive(id, "item");
	}

	/** An item from its written form; refused when it is not one. */
	public static ItemRef parse(String text) {
		if (text == null || text.length() < 2 || text.length() > 20) {
			throw new ReconciliationRuleException("reconciliation.item.unknown");
		}
		ItemKind kind = ItemKind.of(Character.toUpperCase(text.charAt(0)));
		try {
			long id = Long.parseLong(text.substring(1));
			if (id <= 0) {
				throw new ReconciliationRuleException("reconciliation.item.unknown");
			}
			return new ItemRef(kind, id);
		}
		catch (NumberFormatException ex) {
			throw new ReconciliationRuleException("reconciliation.item.unknown");
		}
	}

	public String key() {
		return kind.code() + String.valueOf(id);
	}

	@Override
	public int compareTo(ItemRef other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return key();
	}

}
