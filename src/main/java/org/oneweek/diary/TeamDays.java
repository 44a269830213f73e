package org.oneweek.diary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.stereotype.Component;

/**
 * The days on which a team member may record: the days of their term, from the day itself
 * until the end of the next day (as for the diary), never ahead of time.
 */
@Component
class TeamDays {

	private final Terms terms;

	private final ZoneId zone;

	TeamDays(Terms terms, Clock clock) {
		this.terms = terms;
		this.zone = clock.getZone();
	}

	ZoneId zone() {
		return zone;
	}

	/**
	 * The person's term on the day.
	 * @throws DiaryAccessDeniedException when they do not serve on a team that day
	 */
	Term termOf(AccountPrincipal me, LocalDate day) {
		MemberId memberId = me.memberId();
		if (memberId == null || !me.has(Role.SECRETARY)) {
			throw new DiaryAccessDeniedException("records of " + day);
		}
		return terms.ofMember(memberId, day)
			.orElseThrow(() -> new DiaryAccessDeniedException("records of " + day + ": no term"));
	}

	/**
	 * @throws DiaryRuleException when the day has not come or its records have closed
	 */
	void requireOpen(LocalDate day, Instant now, String closedKey) {
		if (day.isAfter(LocalDate.ofInstant(now, zone))) {
			throw new DiaryRuleException("diary.future");
		}
		if (!now.isBefore(DiaryRules.closesAt(day, zone))) {
			throw new DiaryRuleException(closedKey);
		}
	}

	/** The team members among those chosen; the person themself if none is. */
	static List<MemberId> present(Term term, @Nullable List<MemberId> chosen, @Nullable MemberId me) {
		Set<MemberId> present = new LinkedHashSet<>();
		if (chosen != null) {
			chosen.stream().filter((id) -> id != null && term.hasMember(id)).forEach(present::add);
		}
		if (present.isEmpty() && me != null) {
			present.add(me);
		}
		return new ArrayList<>(present);
	}

}
