package org.oneweek.roster.planning;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.jspecify.annotations.Nullable;

/**
 * The planning problem for a range of weeks, and once solved its roster: every post with
 * its member, and the score.
 */
@PlanningSolution
public class RosterPlan {

	private int firstWeek;

	private int lastWeek;

	@ProblemFactCollectionProperty
	@ValueRangeProvider
	private List<Candidate> candidates = new ArrayList<>();

	@ProblemFactCollectionProperty
	private List<PlannedTerm> terms = new ArrayList<>();

	@PlanningEntityCollectionProperty
	private List<Post> posts = new ArrayList<>();

	@PlanningScore
	private @Nullable HardSoftLongScore score;

	/** For the solver's planning clone. */
	RosterPlan() {
	}

	public RosterPlan(int firstWeek, int lastWeek, List<Candidate> candidates, List<PlannedTerm> terms,
			List<Post> posts) {
		this.firstWeek = firstWeek;
		this.lastWeek = lastWeek;
		this.candidates = new ArrayList<>(candidates);
		this.terms = new ArrayList<>(terms);
		this.posts = new ArrayList<>(posts);
	}

	public int getFirstWeek() {
		return firstWeek;
	}

	public int getLastWeek() {
		return lastWeek;
	}

	public List<Candidate> getCandidates() {
		return candidates;
	}

	public List<PlannedTerm> getTerms() {
		return terms;
	}

	public List<Post> getPosts() {
		return posts;
	}

	public @Nullable HardSoftLongScore getScore() {
		return score;
	}

	public void setScore(@Nullable HardSoftLongScore score) {
		this.score = score;
	}

	/** The posts in the planned range, context left out. */
	public List<Post> postsInRange() {
		return posts.stream().filter(Post::isInRange).toList();
	}

}
