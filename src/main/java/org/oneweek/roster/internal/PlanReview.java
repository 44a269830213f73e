package org.oneweek.roster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import org.oneweek.roster.planning.Finding;
import org.oneweek.roster.planning.RosterConstraints;
import org.oneweek.roster.planning.RosterPlan;
import org.springframework.stereotype.Component;

/**
 * Scores the roster of a range as it is in the database now and explains the score rule
 * by rule, with the findings behind each penalty.
 */
@Component
public class PlanReview {

	/** Findings listed per rule; the rest are counted. */
	static final int LISTED = 30;

	private final PlanningProblems problems;

	private final SolutionManager<RosterPlan, HardSoftLongScore> solutions;

	PlanReview(PlanningProblems problems, SolutionManager<RosterPlan, HardSoftLongScore> solutions) {
		this.problems = problems;
		this.solutions = solutions;
	}

	/** One rule's part of the score. */
	public record RuleResult(String rule, boolean hard, long score, int count, List<Finding> findings) {

		public boolean broken() {
			return count > 0;
		}

		public int unlisted() {
			return Math.max(0, count - findings.size());
		}

	}

	/** The score of a roster and every rule's part in it, hard rules first. */
	public record Review(long hard, long soft, int posts, int unstaffed, List<RuleResult> rules) {

		public boolean feasible() {
			return hard == 0;
		}

		public List<RuleResult> brokenHardRules() {
			return rules.stream().filter((r) -> r.hard() && r.broken()).toList();
		}

	}

	public Review review(PlanRange range) {
		return review(problems.load(range, false));
	}

	public Review review(RosterPlan plan) {
		ScoreAnalysis<HardSoftLongScore> analysis = solutions.analyze(plan);
		List<RuleResult> rules = new ArrayList<>();
		List<String> order = new ArrayList<>(RosterConstraints.HARD);
		order.addAll(RosterConstraints.SOFT);
		for (String rule : order) {
			ConstraintAnalysis<HardSoftLongScore> constraint = analysis.getConstraintAnalysis(rule);
			if (constraint == null) {
				rules.add(new RuleResult(rule, RosterConstraints.HARD.contains(rule), 0, 0, List.of()));
				continue;
			}
			List<Finding> findings = (constraint.matches() == null) ? List.of()
					: constraint.matches()
						.stream()
						.sorted(Comparator.comparing(MatchAnalysis::score))
						.map((match) -> (Finding) match.justification())
						.limit(LISTED)
						.toList();
			boolean hard = RosterConstraints.HARD.contains(rule);
			long score = hard ? constraint.score().hardScore() : constraint.score().softScore();
			// every hard rule costs one per violation: the score counts them
			int count = hard ? (int) -score : constraint.matchCount();
			rules.add(new RuleResult(rule, hard, score, count, findings));
		}
		int posts = plan.postsInRange().size();
		int unstaffed = (int) plan.postsInRange().stream().filter((post) -> post.getMember() == null).count();
		return new Review(analysis.score().hardScore(), analysis.score().softScore(), posts, unstaffed, rules);
	}

}
