package org.oneweek.casework;

import org.oneweek.platform.Identifier;
import org.oneweek.platform.Ids;

/**
 * A photo of a case, by its id.
 *
 * @param value the database id (an id nobody has is simply not found)
 */
public record PhotoId(long value) implements Identifier {

	public PhotoId {
		Ids.positive(value, "photo");
	}

	public static PhotoId of(long value) {
		return new PhotoId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
