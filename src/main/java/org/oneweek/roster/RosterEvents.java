package org.oneweek.roster;

import java.time.LocalDate;
import java.util.List;

import org.oneweek.people.MemberId;

/**
 * What the roster tells other modules: published within the transaction of the change.
 */
public final class RosterEvents {

	private RosterEvents() {
	}

	/**
	 * Members got a notice about the published roster: a term or duty was published
	 * ({@code PUBLISHED}) or changed after publication (a swap, a replacement, a new
	 * lead).
	 *
	 * @param kind the change's kind, as the roster's change history names it
	 * @param weekStart the Monday of the week concerned
	 */
	public record MembersNoticed(List<MemberId> members, String kind, LocalDate weekStart) {

		public MembersNoticed {
			members = List.copyOf(members);
		}

	}

}
