package org.oneweek.insights;

import java.util.List;

import org.oneweek.diary.DiaryCompliance.Tally;
import org.oneweek.people.Member;
import org.oneweek.roster.Term;

/**
 * A member's record over a filter's period: the terms served (begun by today, oldest
 * first) and how many of them led, the figures of the cases the member heard (recorded),
 * and the member's diary compliance.
 */
public record MemberRecord(Member member, List<Term> terms, long led, Figures figures, Tally diaries) {

	public MemberRecord {
		terms = List.copyOf(terms);
	}

	/** Cases the member heard (recorded). */
	public long heard() {
		return figures.cases();
	}

	/** Of those, resolved or closed. */
	public long resolved() {
		return figures.count(Measure.RESOLVED);
	}

}
