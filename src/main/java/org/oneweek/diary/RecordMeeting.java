package org.oneweek.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.platform.CommandChecks;

/**
 * Records a village's morning meeting of a day. Refused ({@link DiaryRuleException}) when
 * the day or the place is missing, a text is too long or the number of attendees out of
 * range.
 *
 * @param memberIds the members of the team who were there (others are ignored; none means
 * the one recording)
 */
public record RecordMeeting(LocalDate day, String place, @Nullable Integer attendees, @Nullable String groups,
		@Nullable String notes, List<MemberId> memberIds) {

	private static final CommandChecks CHECK = new CommandChecks(DiaryRuleException::new);

	public RecordMeeting {
		CHECK.present(day);
		CHECK.text(place, 200);
		CHECK.count(attendees, 100000);
		CHECK.atMost(groups, 500);
		CHECK.atMost(notes, 5000);
		memberIds = (memberIds != null) ? memberIds.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
