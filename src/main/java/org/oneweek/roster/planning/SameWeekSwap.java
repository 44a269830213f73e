package org.oneweek.roster.planning;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;

/**
 * Keeps only swaps of two members serving in the same week: such a swap never makes
 * anyone serve twice a week or two weeks running, so it is the move that improves a
 * feasible roster without breaking it.
 */
public class SameWeekSwap implements SelectionFilter<RosterPlan, SwapMove<RosterPlan>> {

	@Override
	public boolean accept(ScoreDirector<RosterPlan> scoreDirector, SwapMove<RosterPlan> move) {
		Post left = (Post) move.getLeftEntity();
		Post right = (Post) move.getRightEntity();
		return left.getWeek() == right.getWeek() && left.getMember() != right.getMember();
	}

}
