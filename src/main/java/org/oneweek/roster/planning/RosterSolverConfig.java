package org.oneweek.roster.planning;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * How the roster is solved: the draft, a construction heuristic for anything the draft
 * left open, then local search until the time limit.
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
					new ConstructionHeuristicPhaseConfig(),
					new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig(
							List.of(new ChangeMoveSelectorConfig(), sameWeekSwaps(), new SwapMoveSelectorConfig()))))
			.withTerminationConfig(termination(limit));
	}

	private static SwapMoveSelectorConfig sameWeekSwaps() {
		SwapMoveSelectorConfig swaps = new SwapMoveSelectorConfig();
		swaps.setFilterClass(SameWeekSwap.class);
		return swaps;
	}

	public static TerminationConfig termination(Duration limit) {
		return new TerminationConfig().withSpentLimit(limit);
	}

}
