package org.oneweek.reconciliation;

/** The three lists of a reconciliation. */
public enum ItemKind {

	/**
	 * A problem villagers raised (morning meeting, walk-in, phone, follow-up, Open311).
	 */
	VILLAGER('V'),
	/** An item of the village officials' problem list (村干部排查). */
	OFFICIAL('O'),
	/** A finding of an inspection walk (实地察看). */
	FINDING('F');

	private final char code;

	ItemKind(char code) {
		this.code = code;
	}

	/** The one-letter code stored with embeddings and decisions. */
	public char code() {
		return code;
	}

	public static ItemKind of(char code) {
		for (ItemKind kind : values()) {
			if (kind.code == code) {
				return kind;
			}
		}
		throw new ReconciliationRuleException("reconciliation.item.unknown");
	}

}
