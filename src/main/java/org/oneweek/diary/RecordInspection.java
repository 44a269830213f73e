package org.oneweek.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.platform.CommandChecks;

/**
 * Records an inspection walk of a day (its findings are added to it one by one). Refused
 * ({@link DiaryRuleException}) when the day or the route is missing or a text is too
 * long.
 *
 * @param officials the officials who walked along
 * @param memberIds the members of the team who were there (others are ignored; none means
 * the one recording)
 */
public record RecordInspection(LocalDate day, String route, @Nullable String officials, @Nullable String notes,
		List<MemberId> memberIds) {

	private static final CommandChecks CHECK = new CommandChecks(DiaryRuleException::new);

	public RecordInspection {
		CHECK.present(day);
		CHECK.text(route, 1000);
		CHECK.atMost(officials, 500);
		CHECK.atMost(notes, 5000);
		memberIds = (memberIds != null) ? memberIds.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
