package org.oneweek.roster.internal;

import org.jspecify.annotations.Nullable;

/**
 * A place on the roster a person can point at: a member's seat on a term
 * ({@code t:12:34}), an empty seat ({@code t:12:0}) or a troubleshooter duty
 * ({@code d:56}).
 */
public record Slot(boolean duty, long id, @Nullable Long memberId) {

	public static Slot seat(long termId, @Nullable Long memberId) {
		return new Slot(false, termId, memberId);
	}

	public static Slot duty(long dutyId, @Nullable Long memberId) {
		return new Slot(true, dutyId, memberId);
	}

	/**
	 * @return the slot, or null when the text is not one
	 */
	public static @Nullable Slot parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String[] parts = text.strip().split(":");
		try {
			if (parts.length == 3 && ("t".equals(parts[0]) || "d".equals(parts[0]))) {
				long member = Long.parseLong(parts[2]);
				return new Slot("d".equals(parts[0]), Long.parseLong(parts[1]), (member == 0) ? null : member);
			}
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return null;
	}

	public String key() {
		return (duty ? "d:" : "t:") + id + ":" + ((memberId != null) ? memberId : 0);
	}

}
