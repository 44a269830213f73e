package org.oneweek.roster.planning;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule was broken or a wish not met, in facts a page can put into words: the
 * members, places and weeks concerned and a number (a count, a gap in weeks, an excess).
 */
public record Finding(List<Long> memberIds, List<Place> places, List<Integer> weeks,
		long number) implements ConstraintJustification {

	public Finding {
		memberIds = List.copyOf(memberIds);
		places = List.copyOf(places);
		weeks = List.copyOf(weeks);
	}

}
