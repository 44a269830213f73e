package org.oneweek.roster.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solver on generated districts: it finds a roster that keeps every hard rule, keeps
 * pinned posts as they were, and says so when no such roster exists.
 */
class RosterSolverTest {

	@Test
	void theDemoSizedDistrictGetsAFeasibleRosterWithinSeconds() {
		RosterPlan plan = Instances.generate(Instances.S);
		long started = System.nanoTime();
		RosterPlan solved = solve(RosterSolverConfig.create(Duration.ofSeconds(30))
			.withTerminationConfig(RosterSolverConfig.termination(Duration.ofSeconds(5)).withBestScoreFeasible(true)),
				plan);
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(solved.getPosts()).allMatch((post) -> post.getMember() != null);
	}

	@Test
	void pinnedPostsKeepTheirMembers() {
		RosterPlan plan = Instances.generate(Instances.S, 7);
		List<Post> pinned = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		// the first two teams are agreed by phone: pin them with members the draft would
		// not choose
		List<Candidate> candidates = plan.getCandidates();
		int agreed = 0;
		for (Post post : plan.getPosts()) {
			if (post.isSeat() && post.term().getId() <= 2 * 4) {
				Post fixed = Post.seat(post.getId(), post.term(), post.getSeat(), true, null,
						candidates.get(candidates.size() - 1 - agreed++));
				pinned.add(fixed);
				posts.add(fixed);
			}
			else {
				posts.add(post);
			}
		}
		RosterPlan withPins = new RosterPlan(plan.getFirstWeek(), plan.getLastWeek(), candidates, plan.getTerms(),
				posts);
		Map<Long, Candidate> before = new java.util.HashMap<>();
		pinned.forEach((post) -> before.put(post.getId(), post.getMember()));

		RosterPlan solved = solve(RosterSolverConfig.create(Duration.ofSeconds(3)), withPins);

		assertThat(pinned).hasSize(6);
		for (Post post : solved.getPosts()) {
			if (before.containsKey(post.getId())) {
				assertThat(post.getMember().getId()).isEqualTo(before.get(post.getId()).getId());
			}
		}
		assertThat(solved.getScore().hardScore()).isZero();
	}

	@Test
	void tooFewMembersIsReportedAsInfeasibleWithTheRulesThatCannotBeMet() {
		// 12 posts a week and nobody may serve two weeks running: 20 members cannot do it
		RosterPlan plan = Instances.generate(new Instances.Size("tiny", 20, 12, 3, 4, 8, 5));
		SolverFactory<RosterPlan> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(2)));
		RosterPlan solved = factory.buildSolver().solve(plan);

		assertThat(solved.getScore().isFeasible()).isFalse();
		ScoreAnalysis<HardSoftLongScore> analysis = SolutionManager.<RosterPlan, HardSoftLongScore>create(factory)
			.analyze(solved);
		List<String> broken = analysis.constraintAnalyses()
			.stream()
			.filter((c) -> c.score().hardScore() < 0)
			.map((c) -> c.constraintRef().constraintName())
			.toList();
		assertThat(broken).isNotEmpty().allMatch(RosterConstraints.HARD::contains);
	}

	@Test
	void incrementalScoresMatchFullCalculation() {
		RosterPlan plan = Instances.generate(new Instances.Size("small", 16, 4, 2, 2, 6, 3), 3);
		// FULL_ASSERT recalculates the score from scratch after every move and fails on
		// any difference
		solve(RosterSolverConfig.create(Duration.ofSeconds(2)).withEnvironmentMode(EnvironmentMode.FULL_ASSERT), plan);
	}

	private static RosterPlan solve(SolverConfig config, RosterPlan plan) {
		Solver<RosterPlan> solver = SolverFactory.<RosterPlan>create(config).buildSolver();
		return solver.solve(plan);
	}

}
