package org.oneweek.roster.planning;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * How the roster is solved: the draft, then local search until the time limit. (A
 * construction heuristic after the draft only costs time: the draft fills every post, and
 * local search can fill one the draft had to leave when stopped early.)
 */
public final class RosterSolverConfig {

	private RosterSolverConfig() {
	}

	public static SolverConfig create(Duration limit) {
		return new SolverConfig().withSolutionClass(RosterPlan.class)
			.withEntityClasses(Post.class)
			.withConstraintProviderClass(RosterConstraints.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(List.of(new DraftRoster())),
					new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig(
							List.of(new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0), sameWeekSwaps(),
									new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0)))))
			.withTerminationConfig(termination(limit));
	}

	private static SwapMoveSelectorConfig sameWeekSwaps() {
		// tried most often: they improve a feasible roster without breaking it
		SwapMoveSelectorConfig swaps = new SwapMoveSelectorConfig().withFixedProbabilityWeight(3.0);
		swaps.setFilterClass(SameWeekSwap.class);
		return swaps;
	}

	public static TerminationConfig termination(Duration limit) {
		return new TerminationConfig().withSpentLimit(limit);
	}

}
