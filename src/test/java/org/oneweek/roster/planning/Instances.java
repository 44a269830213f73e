package org.oneweek.roster.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated planning problems of a given size, for solver tests and the benchmark: each
 * street has a troubleshooter every week, its villages are visited in a staggered
 * rotation, members live spread over the streets, a few are away one week or ask for
 * particular weeks.
 */
public final class Instances {

	/** Monday 2027-01-04, the first week of a quarter. */
	public static final LocalDate START = LocalDate.of(2027, 1, 4);

	public record Size(String name, int members, int villages, int streets, int every, int weeks, int maxPerQuarter) {

	}

	public static final Size S = new Size("S", 39, 12, 3, 4, 26, 5);

	public static final Size M = new Size("M", 104, 35, 7, 3, 26, 7);

	public static final Size L = new Size("L", 5000, 1500, 100, 4, 13, 5);

	private Instances() {
	}

	public static Size byName(String name) {
		return switch (name) {
			case "S" -> S;
			case "M" -> M;
			case "L" -> L;
			default -> throw new IllegalArgumentException("unknown instance " + name);
		};
	}

	public static RosterPlan generate(Size size) {
		return generate(size, 42);
	}

	public static RosterPlan generate(Size size, long seed) {
		Random random = new Random(seed);
		int first = WeekIndex.of(START);
		int last = first + size.weeks() - 1;
		List<Candidate> candidates = new ArrayList<>();
		for (int m = 0; m < size.members(); m++) {
			Set<Integer> away = new HashSet<>();
			Set<Integer> preferred = new HashSet<>();
			if (random.nextInt(20) == 0) {
				away.add(first + random.nextInt(size.weeks()));
			}
			if (random.nextInt(20) == 0) {
				for (int i = 0; i < 4; i++) {
					preferred.add(first + random.nextInt(size.weeks()));
				}
			}
			candidates.add(new Candidate(m + 1, "member" + (m + 1), (long) (m % size.streets()) + 1, true, away,
					preferred, Candidate.NEVER, size.maxPerQuarter()));
		}
		List<PlannedTerm> terms = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		long ids = 1;
		Map<Integer, Integer> villagesInStreet = new HashMap<>();
		for (int v = 0; v < size.villages(); v++) {
			long street = (long) v * size.streets() / size.villages() + 1;
			int offset = villagesInStreet.merge((int) street, 1, Integer::sum) - 1;
			PlannedTerm previous = null;
			for (int week = first + offset % size.every(); week <= last; week += size.every()) {
				PlannedTerm term = new PlannedTerm(ids++, v + 1, street, week, true, previous == null, previous);
				terms.add(term);
				for (int seat = 0; seat < RosterConstraints.TEAM_SIZE; seat++) {
					posts.add(Post.seat(ids++, term, seat, false, null, null));
				}
				previous = term;
			}
		}
		for (int week = first; week <= last; week++) {
			for (int street = 1; street <= size.streets(); street++) {
				posts.add(Post.troubleshooter(ids++, street, week, true, false, null, null));
			}
		}
		return new RosterPlan(first, last, candidates, terms, posts);
	}

}
