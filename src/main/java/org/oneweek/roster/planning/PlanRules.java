package org.oneweek.roster.planning;

import java.util.Map;

/**
 * Settings and history that apply to the whole plan: how many weeks apart a member's
 * duties should ideally be, and which pairs of members already served together on a team
 * outside the planned range.
 */
public final class PlanRules {

	private final int spreadWeeks;

	private final Map<MemberPair, Integer> pastPairs;

	public PlanRules(int spreadWeeks, Map<MemberPair, Integer> pastPairs) {
		if (spreadWeeks < 1) {
			throw new IllegalArgumentException("spreadWeeks must be at least 1");
		}
		this.spreadWeeks = spreadWeeks;
		this.pastPairs = Map.copyOf(pastPairs);
	}

	public int getSpreadWeeks() {
		return spreadWeeks;
	}

	public int pastTimes(MemberPair pair) {
		return pastPairs.getOrDefault(pair, 0);
	}

	public Map<MemberPair, Integer> getPastPairs() {
		return pastPairs;
	}

}
