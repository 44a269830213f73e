package org.oneweek.roster.planning;

/**
 * Two members who serve on one team, the smaller id first.
 */
public record MemberPair(long first, long second) {

	public MemberPair {
		if (first > second) {
			throw new IllegalArgumentException("first must not be greater than second");
		}
	}

	public static MemberPair of(long a, long b) {
		return (a <= b) ? new MemberPair(a, b) : new MemberPair(b, a);
	}

}
