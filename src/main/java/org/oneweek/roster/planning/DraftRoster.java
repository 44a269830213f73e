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

		// the candidates' facts as plain arrays: the inner loop runs millions of times

		private final boolean[] active;

		private final long[] home;

		private final BitSet[] away;

		private final boolean[] choosy;

		private final BitSet[] wished;

		private final int[] maxPerQuarter;

		private final int[] spreadWeeks;

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
			int n = candidates.size();
			this.active = new boolean[n];
			this.home = new long[n];
			this.away = new BitSet[n];
			this.choosy = new boolean[n];
			this.wished = new BitSet[n];
			this.maxPerQuarter = new int[n];
			this.spreadWeeks = new int[n];
			for (int i = 0; i < n; i++) {
				Candidate candidate = candidates.get(i);
				busy[i] = new BitSet(max - min + 3);
				firstSeat[i] = candidate.getFirstTermWeek();
				active[i] = candidate.isActive();
				home[i] = (candidate.getHomeTownshipId() != null) ? candidate.getHomeTownshipId() : Long.MIN_VALUE;
				away[i] = weeks(candidate.getUnavailableWeeks());
				choosy[i] = candidate.hasPreferences();
				wished[i] = weeks(candidate.getPreferredWeeks());
				maxPerQuarter[i] = candidate.getMaxPerQuarter();
				spreadWeeks[i] = candidate.getSpreadWeeks();
			}
			for (Post post : plan.getPosts()) {
				if (post.getMember() != null) {
					assign(post, post.getMember());
				}
			}
		}

		private BitSet weeks(java.util.Set<Integer> weeks) {
			BitSet bits = new BitSet();
			for (int week : weeks) {
				if (week - firstWeek >= 0) {
					bits.set(week - firstWeek);
				}
			}
			return bits;
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
			long township = post.getTownshipId();
			long limit = 2 * RosterConstraints.CONTINUITY_WEIGHT.softScore();
			for (int c = 0; c < candidates.size(); c++) {
				if (!active[c]) {
					continue;
				}
				BitSet weeks = busy[c];
				long cost = (long) load[c] * LOAD;
				if (away[c].get(w)) {
					cost += HARD;
				}
				if (weeks.get(w)) {
					cost += HARD;
				}
				if (weeks.get(w - 1)) {
					cost += HARD;
				}
				if (weeks.get(w + 1)) {
					cost += HARD;
				}
				if (perQuarter[c][q] >= maxPerQuarter[c]) {
					cost += HARD;
				}
				// what follows takes off at most two bonuses: skip who cannot win
				if (cost - limit >= bestCost) {
					continue;
				}
				Candidate candidate = candidates.get(c);
				boolean experienced = firstSeat[c] < week;
				if (lastSeat && needsExperience && !experienced) {
					cost += HARD;
				}
				if (term != null && team.contains(candidate)) {
					cost += HARD;
				}
				if (home[c] != township) {
					cost += RosterConstraints.FROM_THE_AREA_WEIGHT.softScore();
				}
				if (choosy[c] && !wished[c].get(w)) {
					cost += RosterConstraints.PREFERRED_WEEK_WEIGHT.softScore();
				}
				int spread = spreadWeeks[c];
				int before = weeks.previousSetBit(w - 1);
				if (before >= 0 && w - before < spread) {
					cost += RosterConstraints.SPREAD_WEIGHT.softScore() * square(spread - (w - before));
				}
				int after = weeks.nextSetBit(w + 1);
				if (after >= 0 && after - w < spread) {
					cost += RosterConstraints.SPREAD_WEIGHT.softScore() * square(spread - (after - w));
				}
				if (term != null) {
					if (needsExperience && experienced) {
						cost -= RosterConstraints.CONTINUITY_WEIGHT.softScore();
					}
					if (needsStayer && previousTeam.contains(candidate)) {
						cost -= RosterConstraints.CONTINUITY_WEIGHT.softScore();
					}
					if (cost >= bestCost) {
						continue;
					}
					for (Candidate other : team) {
						cost += RosterConstraints.NEW_COMBINATION_WEIGHT.softScore()
								* (pairs.getOrDefault(MemberPair.of(other.getId(), candidate.getId()), 0)
										+ candidate.pastTimesWith(other));
					}
				}
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
