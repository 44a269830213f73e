package org.oneweek.diary;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * An inspection walk (实地察看) of a term, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record InspectionId(long value) implements Identifier {

	public InspectionId {
		Ids.positive(value, "inspection");
	}

	public static InspectionId of(long value) {
		return new InspectionId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
