package org.oneweek.casework;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A case of the ledger, by its id (the reference number is what people say; this is what
 * modules pass).
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record CaseId(long value) implements Identifier {

	public CaseId {
		Ids.positive(value, "case");
	}

	public static CaseId of(long value) {
		return new CaseId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
