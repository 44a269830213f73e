package org.oneweek.diary;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.CommandChecks;

/**
 * What a secretary has written of a day's diary so far. Every part is optional; what is
 * empty is simply not written yet. Refused ({@link DiaryRuleException}) when a part is
 * too long or the number of households out of range.
 *
 * @param places where they went
 * @param households how many households they visited
 */
public record WriteDiary(@Nullable String places, @Nullable Integer households, @Nullable String householdNotes,
		@Nullable String heard, @Nullable String done, @Nullable String reflections, @Nullable String plan) {

	private static final CommandChecks CHECK = new CommandChecks(DiaryRuleException::new);

	public WriteDiary {
		CHECK.atMost(places, 2000);
		CHECK.count(households, 10000);
		CHECK.atMost(householdNotes, 5000);
		CHECK.atMost(heard, 5000);
		CHECK.atMost(done, 5000);
		CHECK.atMost(reflections, 5000);
		CHECK.atMost(plan, 3000);
	}

	/** Whether anything at all is written. */
	public boolean hasContent() {
		return households != null || present(places) || present(householdNotes) || present(heard) || present(done)
				|| present(reflections) || present(plan);
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
