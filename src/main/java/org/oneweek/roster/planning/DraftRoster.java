package org.oneweek.roster.planning;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.jspecify.annotations.Nullable;

/**
 * The solver's first phase: drafts a roster week by week the way a person with a
 * spreadsheet would, but over every member at once. For each empty post it takes the
 * member who breaks the fewest hard rules and, among those, costs the least by the soft
 * rules (least loaded, from the area, furthest from their other duties, staying on from
 * the village's previous team, new to the teammates). Local search then improves it. A
 * generic construction heuristic tries every member for every post, which is too slow for
 * a province (16,000 posts by 5,000 members); this draft takes about a second there.
 */
public class DraftRoster implements PhaseCommand<RosterPlan> {

	private static final long HARD = 1_000_000L;

	private static final int LOAD = 15;

	@Override
	public void changeWorkingSolution(ScoreDirector<RosterPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
		RosterPlan plan = scoreDirector.getWorkingSolution();
		State state = new State(plan);
		List<Post> open = plan.getPosts()
			.stream()
			.filter((post) -> !post.isPinned() && post.getMember() == null)
			.sorted(Comparator.comparingInt(Post::getWeek)
				.thenComparing(Post::getKind)
				.thenComparingLong((post) -> (post.getTerm() != null) ? post.getTerm().getId() : 0)
				.thenComparingInt(Post::getSeat))
			.toList();
		for (Post post : open) {
			if (isPhaseTerminated.getAsBoolean()) {
				break;
			}
			Candidate best = state.best(post);
			if (best == null) {
				continue;
			}
			scoreDirector.beforeVariableChanged(post, "member");
			post.setMember(best);
			scoreDirector.afterVariableChanged(post, "member");
			state.assign(post, best);
		}
		scoreDirector.triggerVariableListeners();
	}

	/** What has been decided so far, kept so each choice is cheap. */
	private static final class State {

		private final List<Candidate> candidates;

		private final Map<Candidate, Integer> index = new IdentityHashMap<>();

		private final int firstWeek;

		private final int firstQuarter;

		private final BitSet[] busy;

		private final int[][] perQuarter;

		private final int[] firstSeat;

		private final int[] load;

		private final Map<MemberPair, Integer> pairs = new HashMap<>();

		private final Map<PlannedTerm, List<Candidate>> teams = new IdentityHashMap<>();

		State(RosterPlan plan) {
			this.candidates = plan.getCandidates();
			for (int i = 0; i < candidates.size(); i++) {
				index.put(candidates.get(i), i);
			}
			int min = plan.getFirstWeek();
			int max = plan.getLastWeek();
			for (Post post : plan.getPosts()) {
				min = Math.min(min, post.getWeek());
				max = Math.max(max, post.getWeek());
			}
			this.firstWeek = min - 1;
			this.firstQuarter = WeekIndex.quarter(min);
			int quarters = WeekIndex.quarter(max) - firstQuarter + 1;
			this.busy = new BitSet[candidates.size()];
			this.perQuarter = new int[candidates.size()][quarters];
			this.firstSeat = new int[candidates.size()];
			this.load = new int[candidates.size()];
			for (int i = 0; i < candidates.size(); i++) {
				busy[i] = new BitSet(max - min + 3);
				firstSeat[i] = candidates.get(i).getFirstTermWeek();
			}
			for (Post post : plan.getPosts()) {
				if (post.getMember() != null) {
					assign(post, post.getMember());
				}
			}
		}

		void assign(Post post, Candidate member) {
			int c = index.get(member);
			busy[c].set(post.getWeek() - firstWeek);
			perQuarter[c][post.getQuarter() - firstQuarter]++;
			if (post.isInRange()) {
				load[c]++;
			}
			if (post.getTerm() != null) {
				firstSeat[c] = Math.min(firstSeat[c], post.getWeek());
				List<Candidate> team = teams.computeIfAbsent(post.getTerm(), (t) -> new ArrayList<>(3));
				if (post.isInRange()) {
					for (Candidate other : team) {
						pairs.merge(MemberPair.of(other.getId(), member.getId()), 1, Integer::sum);
					}
				}
				team.add(member);
			}
		}

		@Nullable Candidate best(Post post) {
			int week = post.getWeek();
			int w = week - firstWeek;
			int q = post.getQuarter() - firstQuarter;
			PlannedTerm term = post.getTerm();
			List<Candidate> team = (term != null) ? teams.getOrDefault(term, List.of()) : List.of();
			boolean lastSeat = term != null && team.size() == RosterConstraints.TEAM_SIZE - 1;
			boolean needsExperience = term != null && !term.isFirstOfVillage()
					&& team.stream().noneMatch((m) -> experienced(m, week));
			List<Candidate> previousTeam = (term != null && term.getPrevious() != null)
					? teams.getOrDefault(term.getPrevious(), List.of()) : List.of();
			boolean needsStayer = !previousTeam.isEmpty() && team.stream().noneMatch(previousTeam::contains);
			Candidate best = null;
			long bestCost = Long.MAX_VALUE;
			for (int c = 0; c < candidates.size(); c++) {
				Candidate candidate = candidates.get(c);
				if (!candidate.isActive()) {
					continue;
				}
				BitSet weeks = busy[c];
				long hard = 0;
				if (!candidate.isAvailableIn(week)) {
					hard++;
				}
				if (weeks.get(w)) {
					hard++;
				}
				if (weeks.get(w - 1)) {
					hard++;
				}
				if (weeks.get(w + 1)) {
					hard++;
				}
				if (perQuarter[c][q] >= candidate.getMaxPerQuarter()) {
					hard++;
				}
				boolean experienced = experienced(c, week);
				if (lastSeat && needsExperience && !experienced) {
					hard++;
				}
				long soft = (long) load[c] * LOAD;
				if (!candidate.livesIn(post.getTownshipId())) {
					soft += RosterConstraints.FROM_THE_AREA_WEIGHT.softScore();
				}
				if (candidate.hasPreferences() && !candidate.prefers(week)) {
					soft += RosterConstraints.PREFERRED_WEEK_WEIGHT.softScore();
				}
				int spread = candidate.getSpreadWeeks();
				int before = weeks.previousSetBit(w - 1);
				if (before >= 0 && w - before < spread) {
					soft += RosterConstraints.SPREAD_WEIGHT.softScore() * square(spread - (w - before));
				}
				int after = weeks.nextSetBit(w + 1);
				if (after >= 0 && after - w < spread) {
					soft += RosterConstraints.SPREAD_WEIGHT.softScore() * square(spread - (after - w));
				}
				if (term != null) {
					if (needsExperience && experienced) {
						soft -= RosterConstraints.CONTINUITY_WEIGHT.softScore();
					}
					if (needsStayer && previousTeam.contains(candidate)) {
						soft -= RosterConstraints.CONTINUITY_WEIGHT.softScore();
					}
					for (Candidate other : team) {
						if (other == candidate) {
							hard++;
						}
						else {
							soft += RosterConstraints.NEW_COMBINATION_WEIGHT.softScore()
									* (pairs.getOrDefault(MemberPair.of(other.getId(), candidate.getId()), 0)
											+ candidate.pastTimesWith(other));
						}
					}
				}
				long cost = hard * HARD + soft;
				if (cost < bestCost) {
					bestCost = cost;
					best = candidate;
				}
			}
			return best;
		}

		private boolean experienced(Candidate member, int week) {
			return experienced(index.get(member), week);
		}

		private boolean experienced(int c, int week) {
			return firstSeat[c] < week;
		}

		private static long square(int value) {
			return (long) value * value;
		}

	}

}
