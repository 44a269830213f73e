package org.oneweek.roster.planning;

import java.math.BigDecimal;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The roster's rules. Hard: what must never happen (one duty a week, never on unavailable
 * days, three different people per team, someone who served before on every team after
 * the first round, no two weeks running, at most so many duty weeks a quarter, every post
 * staffed). Soft: what the organization department wants as far as possible (equal load,
 * members from the area, new combinations, terms spread out, preferred weeks honoured,
 * one member staying on from the village's previous team).
 *
 * <p>
 * Only posts in the planned range are judged; posts around it are context (a member who
 * served the week before the range cannot serve its first week).
 */
public class RosterConstraints implements ConstraintProvider {

	public static final String ONE_DUTY_PER_WEEK = "oneDutyPerWeek";

	public static final String UNAVAILABLE = "unavailable";

	public static final String THREE_DIFFERENT = "threeDifferent";

	public static final String EXPERIENCED_MEMBER = "experiencedMember";

	public static final String NO_CONSECUTIVE_WEEKS = "noConsecutiveWeeks";

	public static final String MAX_PER_QUARTER = "maxPerQuarter";

	public static final String STAFFED = "staffed";

	public static final String BALANCED_LOAD = "balancedLoad";

	public static final String FROM_THE_AREA = "fromTheArea";

	public static final String NEW_COMBINATIONS = "newCombinations";

	public static final String SPREAD_OUT = "spreadOut";

	public static final String PREFERRED_WEEKS = "preferredWeeks";

	public static final String CONTINUITY = "continuity";

	/** Every hard rule, in the order the pages list them. */
	public static final List<String> HARD = List.of(STAFFED, ONE_DUTY_PER_WEEK, THREE_DIFFERENT, UNAVAILABLE,
			NO_CONSECUTIVE_WEEKS, MAX_PER_QUARTER, EXPERIENCED_MEMBER);

	/** Every soft rule, in the order the pages list them. */
	public static final List<String> SOFT = List.of(BALANCED_LOAD, FROM_THE_AREA, CONTINUITY, PREFERRED_WEEKS,
			SPREAD_OUT, NEW_COMBINATIONS);

	public static final int TEAM_SIZE = 3;

	static final HardSoftLongScore CONTINUITY_WEIGHT = HardSoftLongScore.ofSoft(20);

	static final HardSoftLongScore PREFERRED_WEEK_WEIGHT = HardSoftLongScore.ofSoft(20);

	static final HardSoftLongScore FROM_THE_AREA_WEIGHT = HardSoftLongScore.ofSoft(10);

	static final HardSoftLongScore NEW_COMBINATION_WEIGHT = HardSoftLongScore.ofSoft(5);

	static final HardSoftLongScore SPREAD_WEIGHT = HardSoftLongScore.ofSoft(3);

	/** Per hundredth of load unfairness. */
	static final HardSoftLongScore LOAD_WEIGHT = HardSoftLongScore.ofSoft(1);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { staffed(factory), oneDutyPerWeek(factory), threeDifferent(factory),
				unavailable(factory), noConsecutiveWeeks(factory), maxPerQuarter(factory), experiencedMember(factory),
				balancedLoad(factory), fromTheArea(factory), continuity(factory), preferredWeeks(factory),
				spreadOut(factory), newCombinations(factory) };
	}

	Constraint staffed(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(Post.class)
			.filter((post) -> post.isInRange() && post.getMember() == null)
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((post, score) -> new Finding(List.of(), List.of(post.place()), List.of(post.getWeek()),
					post.getSeat()))
			.asConstraint(STAFFED);
	}

	Constraint oneDutyPerWeek(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.join(Post.class, Joiners.equal(Post::getMember), Joiners.equal(Post::getWeek),
					Joiners.filtering((a, b) -> a.getId() < b.getId() && (a.isInRange() || b.isInRange())
							&& (a.getTerm() == null || a.getTerm() != b.getTerm())))
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((a, b, score) -> new Finding(List.of(a.member().getId()), List.of(a.place(), b.place()),
					List.of(a.getWeek()), 2))
			.asConstraint(ONE_DUTY_PER_WEEK);
	}

	Constraint threeDifferent(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && post.isSeat())
			.join(Post.class, Joiners.equal(Post::getTerm), Joiners.equal(Post::getMember),
					Joiners.filtering((a, b) -> a.getId() < b.getId()))
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((a, b, score) -> new Finding(List.of(a.member().getId()), List.of(a.place()),
					List.of(a.getWeek()), 2))
			.asConstraint(THREE_DIFFERENT);
	}

	Constraint unavailable(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && !post.member().isAvailableIn(post.getWeek()))
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((post, score) -> new Finding(List.of(post.member().getId()), List.of(post.place()),
					List.of(post.getWeek()), post.member().isActive() ? 1 : 0))
			.asConstraint(UNAVAILABLE);
	}

	Constraint noConsecutiveWeeks(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.join(Post.class, Joiners.equal(Post::getMember), Joiners.equal((a) -> a.getWeek() + 1, Post::getWeek))
			.filter((a, b) -> a.isInRange() || b.isInRange())
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((a, b, score) -> new Finding(List.of(a.member().getId()), List.of(a.place(), b.place()),
					List.of(a.getWeek(), b.getWeek()), 1))
			.asConstraint(NO_CONSECUTIVE_WEEKS);
	}

	Constraint maxPerQuarter(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.groupBy(Post::getMember, Post::getQuarter, ConstraintCollectors.count(),
					ConstraintCollectors.sum((Post post) -> post.isInRange() ? 1 : 0))
			.filter((member, quarter, all, inRange) -> inRange > 0 && all > member.getMaxPerQuarter())
			.penalize(HardSoftLongScore.ONE_HARD,
					(member, quarter, all, inRange) -> Math.min(all - member.getMaxPerQuarter(), inRange))
			.justifyWith((member, quarter, all, inRange, score) -> new Finding(List.of(member.getId()), List.of(),
					List.of(quarter), all))
			.asConstraint(MAX_PER_QUARTER);
	}

	Constraint experiencedMember(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && post.isSeat() && !post.term().isFirstOfVillage()
					&& !post.member().servedBefore(post.getWeek()))
			.ifNotExists(Post.class, Joiners.equal(Post::getMember),
					Joiners.filtering((a, b) -> b.isSeat() && b.getWeek() < a.getWeek()))
			.groupBy(Post::term, ConstraintCollectors.count())
			.filter((term, newcomers) -> newcomers >= TEAM_SIZE)
			.penalize(HardSoftLongScore.ONE_HARD)
			.justifyWith((term, newcomers, score) -> new Finding(List.of(), List.of(Place.village(term.getVillageId())),
					List.of(term.getWeek()), newcomers))
			.asConstraint(EXPERIENCED_MEMBER);
	}

	Constraint balancedLoad(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter(Post::isInRange)
			.groupBy(Post::member, ConstraintCollectors.count())
			.complement(Candidate.class, (candidate) -> 0)
			.filter((candidate, load) -> candidate.isActive())
			.groupBy(ConstraintCollectors.loadBalance((candidate, load) -> candidate, (candidate, load) -> load))
			.penalizeLong(LOAD_WEIGHT, (balance) -> balance.unfairness().multiply(HUNDRED).longValue())
			.justifyWith((balance, score) -> new Finding(List.of(), List.of(), List.of(),
					balance.unfairness().multiply(HUNDRED).longValue()))
			.asConstraint(BALANCED_LOAD);
	}

	Constraint fromTheArea(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && !post.member().livesIn(post.getTownshipId()))
			.penalize(FROM_THE_AREA_WEIGHT)
			.justifyWith((post, score) -> new Finding(List.of(post.member().getId()), List.of(post.place()),
					List.of(post.getWeek()), 1))
			.asConstraint(FROM_THE_AREA);
	}

	Constraint continuity(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && post.isSeat() && post.term().getPrevious() != null)
			.join(Post.class, Joiners.equal((a) -> a.term().getPrevious(), Post::getTerm),
					Joiners.equal(Post::getMember))
			.groupBy((a, b) -> a.term(), ConstraintCollectors.countBi())
			.complement(PlannedTerm.class, (term) -> 0)
			.filter((term, stayers) -> stayers == 0 && term.isInRange() && term.getPrevious() != null)
			.penalize(CONTINUITY_WEIGHT)
			.justifyWith((term, stayers, score) -> new Finding(List.of(), List.of(Place.village(term.getVillageId())),
					List.of(term.getWeek()), 0))
			.asConstraint(CONTINUITY);
	}

	Constraint preferredWeeks(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && post.member().hasPreferences()
					&& !post.member().prefers(post.getWeek()))
			.penalize(PREFERRED_WEEK_WEIGHT)
			.justifyWith((post, score) -> new Finding(List.of(post.member().getId()), List.of(post.place()),
					List.of(post.getWeek()), 1))
			.asConstraint(PREFERRED_WEEKS);
	}

	Constraint spreadOut(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.join(Post.class, Joiners.equal(Post::getMember),
					Joiners.filtering((a, b) -> a.getWeek() < b.getWeek() && (a.isInRange() || b.isInRange())
							&& b.getWeek() - a.getWeek() < a.member().getSpreadWeeks()))
			.penalize(SPREAD_WEIGHT, (a, b) -> square(a.member().getSpreadWeeks() - (b.getWeek() - a.getWeek())))
			.justifyWith((a, b, score) -> new Finding(List.of(a.member().getId()), List.of(a.place(), b.place()),
					List.of(a.getWeek(), b.getWeek()), b.getWeek() - a.getWeek()))
			.asConstraint(SPREAD_OUT);
	}

	Constraint newCombinations(ConstraintFactory factory) {
		return factory.forEach(Post.class)
			.filter((post) -> post.isInRange() && post.isSeat())
			.join(Post.class, Joiners.equal(Post::getTerm),
					Joiners.filtering((a, b) -> a.getId() < b.getId() && a.getMember() != b.getMember()))
			.groupBy((a, b) -> a.member().getId() < b.member().getId() ? new Partners(a.member(), b.member())
					: new Partners(b.member(), a.member()), ConstraintCollectors.countBi())
			.filter((pair, times) -> pair.timesWith(times) > 1)
			.penalize(NEW_COMBINATION_WEIGHT, (pair, times) -> pair.timesWith(times) - 1)
			.justifyWith((pair, times, score) -> new Finding(List.of(pair.first().getId(), pair.second().getId()),
					List.of(), List.of(), pair.timesWith(times)))
			.asConstraint(NEW_COMBINATIONS);
	}

	/** Two members on one team, the smaller id first. */
	record Partners(Candidate first, Candidate second) {

		int timesWith(int timesInPlan) {
			return timesInPlan + first.pastTimesWith(second);
		}

	}

	private static int square(int value) {
		return value * value;
	}

}
