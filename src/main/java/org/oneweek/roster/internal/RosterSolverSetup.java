package org.oneweek.roster.internal;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import org.oneweek.roster.planning.RosterPlan;
import org.oneweek.roster.planning.RosterSolverConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timefold wired by hand (its Spring Boot starter does not support Boot 4): one solver
 * factory, a solver manager that solves in the background, a solution manager that scores
 * and explains rosters.
 */
@Configuration(proxyBeanMethods = false)
class RosterSolverSetup {

	@Bean
	SolverFactory<RosterPlan> rosterSolverFactory() {
		return SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(RosterSettings.MAX_TIME_LIMIT)));
	}

	/**
	 * @param parallelSolvers how many plans this instance solves at once; more wait in
	 * line
	 */
	@Bean(destroyMethod = "close")
	SolverManager<RosterPlan, Long> rosterSolverManager(SolverFactory<RosterPlan> factory,
			@Value("${oneweek.roster.parallel-solvers:1}") int parallelSolvers) {
		return SolverManager.create(factory,
				new SolverManagerConfig().withParallelSolverCount(String.valueOf(parallelSolvers)));
	}

	@Bean
	SolutionManager<RosterPlan, HardSoftLongScore> rosterSolutionManager(SolverFactory<RosterPlan> factory) {
		return SolutionManager.create(factory);
	}

}
