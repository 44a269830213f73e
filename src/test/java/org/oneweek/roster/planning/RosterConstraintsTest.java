package org.oneweek.roster.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the roster, on the smallest examples that show it: what breaks it, what
 * does not, and how much it costs.
 */
class RosterConstraintsTest {

	static final long EAST = 1;

	static final long WEST = 2;

	/** Monday 2026-03-02, the story's week (2026-W10). */
	static final int W10 = WeekIndex.of(LocalDate.of(2026, 3, 2));

	final ConstraintVerifier<RosterConstraints, RosterPlan> verifier = ConstraintVerifier.build(new RosterConstraints(),
			RosterPlan.class, Post.class);

	long ids = 1;

	Candidate chen = member(101, EAST);

	Candidate zhao = member(102, EAST);

	Candidate sun = member(103, EAST);

	Candidate zhou = member(104, EAST);

	Candidate li = member(105, WEST);

	static Candidate member(long id, @Nullable Long township) {
		return new Candidate(id, "m" + id, township, true, Set.of(), Set.of(), W10 - 20, 5);
	}

	static Candidate newcomer(long id) {
		return new Candidate(id, "n" + id, EAST, true, Set.of(), Set.of(), Candidate.NEVER, 5);
	}

	PlannedTerm term(long village, int week) {
		return new PlannedTerm(ids++, village, EAST, week, true, false, null);
	}

	Post seat(PlannedTerm term, int seat, @Nullable Candidate member) {
		return Post.seat(ids++, term, seat, false, null, member);
	}

	Post duty(long township, int week, @Nullable Candidate member) {
		return Post.troubleshooter(ids++, township, week, true, false, null, member);
	}

	Post pastDuty(long township, int week, Candidate member) {
		return Post.troubleshooter(ids++, township, week, false, true, 99L, member);
	}

	List<Post> team(PlannedTerm term, Candidate a, Candidate b, Candidate c) {
		return List.of(seat(term, 0, a), seat(term, 1, b), seat(term, 2, c));
	}

	@Nested
	class Staffed {

		@Test
		void anEmptyPostInTheRangeIsPenalized() {
			verifier.verifyThat(RosterConstraints::staffed)
				.given(duty(EAST, W10, null), duty(WEST, W10, chen))
				.penalizesBy(1);
		}

		@Test
		void contextOutsideTheRangeIsNotJudged() {
			Post past = Post.troubleshooter(ids++, EAST, W10 - 1, false, true, 9L, null);
			verifier.verifyThat(RosterConstraints::staffed).given(past).hasNoImpact();
		}

	}

	@Nested
	class OneDutyPerWeek {

		@Test
		void aMemberOnATeamAndOnTroubleshooterDutyTheSameWeekIsPenalized() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::oneDutyPerWeek)
				.given(term, seat(term, 0, chen), duty(EAST, W10, chen))
				.penalizesBy(1);
		}

		@Test
		void twoTeamsTheSameWeekArePenalized() {
			PlannedTerm a = term(1, W10);
			PlannedTerm b = term(2, W10);
			verifier.verifyThat(RosterConstraints::oneDutyPerWeek)
				.given(a, b, seat(a, 0, chen), seat(b, 1, chen), seat(b, 2, zhao))
				.penalizesBy(1);
		}

		@Test
		void differentWeeksOrDifferentMembersAreFine() {
			verifier.verifyThat(RosterConstraints::oneDutyPerWeek)
				.given(duty(EAST, W10, chen), duty(EAST, W10 + 2, chen), duty(WEST, W10, zhao))
				.hasNoImpact();
		}

		@Test
		void twiceOnOneTeamIsLeftToTheTeamRule() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::oneDutyPerWeek)
				.given(term, seat(term, 0, chen), seat(term, 1, chen))
				.hasNoImpact();
		}

		@Test
		void aPublishedDutyOutsideTheRangeCountsAgainstAPlannedOne() {
			Post pinnedInRange = Post.troubleshooter(ids++, WEST, W10, true, true, 7L, chen);
			verifier.verifyThat(RosterConstraints::oneDutyPerWeek)
				.given(pinnedInRange, duty(EAST, W10, chen))
				.penalizesBy(1);
		}

	}

	@Nested
	class ThreeDifferent {

		@Test
		void theSameMemberTwiceOnATeamIsPenalized() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::threeDifferent)
				.given(term, seat(term, 0, chen), seat(term, 1, chen), seat(term, 2, sun))
				.penalizesBy(1);
		}

		@Test
		void threeTimesTheSameMemberIsPenalizedForEachPair() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::threeDifferent)
				.given(term, seat(term, 0, chen), seat(term, 1, chen), seat(term, 2, chen))
				.penalizesBy(3);
		}

		@Test
		void threeDifferentPeopleAreFine() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::threeDifferent)
				.given(term, seat(term, 0, chen), seat(term, 1, zhao), seat(term, 2, sun))
				.hasNoImpact();
		}

	}

	@Nested
	class Unavailable {

		@Test
		void aMemberAwayThatWeekIsPenalized() {
			Candidate away = new Candidate(200, "away", EAST, true, Set.of(W10), Set.of(), W10 - 20, 5);
			verifier.verifyThat(RosterConstraints::unavailable)
				.given(duty(EAST, W10, away), duty(EAST, W10 + 2, away))
				.penalizesBy(1);
		}

		@Test
		void aMemberNoLongerOnTheRegisterIsPenalized() {
			Candidate inactive = new Candidate(201, "gone", EAST, false, Set.of(), Set.of(), W10 - 20, 5);
			verifier.verifyThat(RosterConstraints::unavailable).given(duty(EAST, W10, inactive)).penalizesBy(1);
		}

		@Test
		void anAvailableMemberIsFine() {
			verifier.verifyThat(RosterConstraints::unavailable).given(duty(EAST, W10, chen)).hasNoImpact();
		}

	}

	@Nested
	class NoConsecutiveWeeks {

		@Test
		void twoWeeksRunningArePenalized() {
			verifier.verifyThat(RosterConstraints::noConsecutiveWeeks)
				.given(duty(EAST, W10, chen), duty(EAST, W10 + 1, chen))
				.penalizesBy(1);
		}

		@Test
		void threeWeeksRunningArePenalizedTwice() {
			PlannedTerm term = term(1, W10 + 1);
			verifier.verifyThat(RosterConstraints::noConsecutiveWeeks)
				.given(term, duty(EAST, W10, chen), seat(term, 0, chen), duty(WEST, W10 + 2, chen))
				.penalizesBy(2);
		}

		@Test
		void theWeekBeforeTheRangeCounts() {
			verifier.verifyThat(RosterConstraints::noConsecutiveWeeks)
				.given(pastDuty(EAST, W10 - 1, chen), duty(EAST, W10, chen))
				.penalizesBy(1);
		}

		@Test
		void aWeekInBetweenIsFine() {
			verifier.verifyThat(RosterConstraints::noConsecutiveWeeks)
				.given(duty(EAST, W10, chen), duty(EAST, W10 + 2, chen), pastDuty(EAST, W10 - 2, chen))
				.hasNoImpact();
		}

	}

	@Nested
	class MaxPerQuarter {

		Candidate twoAQuarter = new Candidate(300, "two", EAST, true, Set.of(), Set.of(), W10 - 20, 2);

		@Test
		void moreDutyWeeksThanAllowedInAQuarterArePenalizedByTheExcess() {
			// 2026-W10 (2 March) to W13 (23 March) are all in the first quarter
			verifier.verifyThat(RosterConstraints::maxPerQuarter)
				.given(duty(EAST, W10, twoAQuarter), duty(EAST, W10 + 2, twoAQuarter), duty(EAST, W10 + 3, twoAQuarter))
				.penalizesBy(1);
		}

		@Test
		void earlierWeeksOfTheQuarterOutsideTheRangeCount() {
			verifier.verifyThat(RosterConstraints::maxPerQuarter)
				.given(pastDuty(EAST, W10 - 6, twoAQuarter), pastDuty(EAST, W10 - 3, twoAQuarter),
						duty(EAST, W10, twoAQuarter))
				.penalizesBy(1);
		}

		@Test
		void anotherQuarterIsCountedApart() {
			// 2026-W14 starts on 30 March (first quarter), 2026-W15 on 6 April (second)
			int april = WeekIndex.of(LocalDate.of(2026, 4, 6));
			verifier.verifyThat(RosterConstraints::maxPerQuarter)
				.given(duty(EAST, W10, twoAQuarter), duty(EAST, W10 + 2, twoAQuarter), duty(EAST, april, twoAQuarter),
						duty(EAST, april + 2, twoAQuarter))
				.hasNoImpact();
		}

		@Test
		void aQuarterFullOnlyOutsideTheRangeIsNotJudged() {
			verifier.verifyThat(RosterConstraints::maxPerQuarter)
				.given(pastDuty(EAST, W10 - 8, twoAQuarter), pastDuty(EAST, W10 - 6, twoAQuarter),
						pastDuty(EAST, W10 - 4, twoAQuarter))
				.hasNoImpact();
		}

	}

	@Nested
	class ExperiencedMember {

		@Test
		void aTeamOfThreeNewcomersIsPenalized() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::experiencedMember)
				.given(term, seat(term, 0, newcomer(1)), seat(term, 1, newcomer(2)), seat(term, 2, newcomer(3)))
				.penalizesBy(1);
		}

		@Test
		void oneMemberWhoServedBeforeIsEnough() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::experiencedMember)
				.given(term, seat(term, 0, newcomer(1)), seat(term, 1, chen), seat(term, 2, newcomer(3)))
				.hasNoImpact();
		}

		@Test
		void servingOnAnEarlierTeamOfThePlanCounts() {
			Candidate first = newcomer(1);
			PlannedTerm earlier = term(2, W10 - 2);
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::experiencedMember)
				.given(earlier, term, seat(earlier, 0, first), seat(earlier, 1, chen), seat(earlier, 2, zhao),
						seat(term, 0, first), seat(term, 1, newcomer(2)), seat(term, 2, newcomer(3)))
				.hasNoImpact();
		}

		@Test
		void aLaterTeamOrATroubleshooterDutyDoesNotCount() {
			Candidate first = newcomer(1);
			Candidate second = newcomer(2);
			PlannedTerm term = term(1, W10);
			PlannedTerm later = term(2, W10 + 2);
			verifier.verifyThat(RosterConstraints::experiencedMember)
				.given(term, later, duty(EAST, W10 - 2, second), seat(term, 0, first), seat(term, 1, second),
						seat(term, 2, newcomer(3)), seat(later, 0, first), seat(later, 1, chen), seat(later, 2, zhao))
				.penalizesBy(1);
		}

		@Test
		void theVillagesFirstTeamIsExempt() {
			PlannedTerm first = new PlannedTerm(ids++, 1, EAST, W10, true, true, null);
			verifier.verifyThat(RosterConstraints::experiencedMember)
				.given(first, seat(first, 0, newcomer(1)), seat(first, 1, newcomer(2)), seat(first, 2, newcomer(3)))
				.hasNoImpact();
		}

	}

	@Nested
	class BalancedLoad {

		@Test
		void anEqualLoadHasNoImpact() {
			verifier.verifyThat(RosterConstraints::balancedLoad)
				.given(chen, zhao, duty(EAST, W10, chen), duty(WEST, W10, zhao))
				.hasNoImpact();
		}

		@Test
		void anUnequalLoadIsPenalizedAndAMemberWithoutDutyCounts() {
			// loads 2 and 0: mean 1, deviations 1 and 1, unfairness sqrt(2) = 1.41
			verifier.verifyThat(RosterConstraints::balancedLoad)
				.given(chen, zhao, duty(EAST, W10, chen), duty(EAST, W10 + 2, chen))
				.penalizesBy(141);
		}

		@Test
		void theMoreUnequalTheHigherThePenalty() {
			// loads 3, 0, 0: mean 1, unfairness sqrt(4 + 1 + 1) = 2.45
			verifier.verifyThat(RosterConstraints::balancedLoad)
				.given(chen, zhao, sun, duty(EAST, W10, chen), duty(EAST, W10 + 2, chen), duty(EAST, W10 + 4, chen))
				.penalizesBy(244);
		}

		@Test
		void contextAndMembersNoLongerOnTheRegisterAreLeftOut() {
			Candidate inactive = new Candidate(201, "gone", EAST, false, Set.of(), Set.of(), W10 - 20, 5);
			verifier.verifyThat(RosterConstraints::balancedLoad)
				.given(chen, zhao, inactive, duty(EAST, W10, chen), duty(WEST, W10, zhao),
						pastDuty(EAST, W10 - 2, chen))
				.hasNoImpact();
		}

	}

	@Nested
	class FromTheArea {

		@Test
		void aMemberFromAnotherStreetIsPenalized() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::fromTheArea)
				.given(term, seat(term, 0, chen), seat(term, 1, li), duty(WEST, W10, zhao), duty(WEST, W10, li))
				.penalizesBy(2);
		}

		@Test
		void aMemberWithoutAHomeStreetIsPenalized() {
			verifier.verifyThat(RosterConstraints::fromTheArea)
				.given(duty(EAST, W10, member(400, null)))
				.penalizesBy(1);
		}

	}

	@Nested
	class Continuity {

		@Test
		void aTeamWithNobodyFromTheVillagesPreviousTeamIsPenalized() {
			PlannedTerm previous = new PlannedTerm(ids++, 1, EAST, W10 - 4, false, false, null);
			PlannedTerm term = new PlannedTerm(ids++, 1, EAST, W10, true, false, previous);
			List<Post> before = List.of(Post.seat(ids++, previous, 0, true, 5L, chen),
					Post.seat(ids++, previous, 1, true, 5L, zhao), Post.seat(ids++, previous, 2, true, 5L, sun));
			verifier.verifyThat(RosterConstraints::continuity)
				.given(previous, term, before.get(0), before.get(1), before.get(2), seat(term, 0, zhou),
						seat(term, 1, li), seat(term, 2, member(106, EAST)))
				.penalizesBy(1);
		}

		@Test
		void oneMemberStayingOnIsEnough() {
			PlannedTerm previous = term(1, W10 - 4);
			PlannedTerm term = new PlannedTerm(ids++, 1, EAST, W10, true, false, previous);
			verifier.verifyThat(RosterConstraints::continuity)
				.given(previous, term, seat(previous, 0, chen), seat(previous, 1, zhao), seat(previous, 2, sun),
						seat(term, 0, zhou), seat(term, 1, sun), seat(term, 2, li))
				.hasNoImpact();
		}

		@Test
		void aVillageWithoutPreviousTeamIsNotJudged() {
			PlannedTerm term = term(1, W10);
			verifier.verifyThat(RosterConstraints::continuity)
				.given(term, seat(term, 0, zhou), seat(term, 1, sun), seat(term, 2, li))
				.hasNoImpact();
		}

	}

	@Nested
	class PreferredWeeks {

		@Test
		void aMemberWhoAskedForOtherWeeksIsPenalized() {
			Candidate picky = new Candidate(500, "picky", EAST, true, Set.of(), Set.of(W10 + 2), W10 - 20, 5);
			verifier.verifyThat(RosterConstraints::preferredWeeks)
				.given(duty(EAST, W10, picky), duty(EAST, W10 + 2, picky))
				.penalizesBy(1);
		}

		@Test
		void aMemberWithoutPreferencesIsFine() {
			verifier.verifyThat(RosterConstraints::preferredWeeks).given(duty(EAST, W10, chen)).hasNoImpact();
		}

	}

	@Nested
	class SpreadOut {

		@Test
		void dutiesCloseTogetherArePenalizedTheMoreTheCloser() {
			// gaps 2 and 3 with 4 weeks wished: (4-2)^2 + (4-3)^2
			verifier.verifyThat(RosterConstraints::spreadOut)
				.given(duty(EAST, W10, chen), duty(EAST, W10 + 2, chen), duty(EAST, W10 + 9, chen),
						duty(EAST, W10 + 12, chen))
				.penalizesBy(5);
		}

		@Test
		void dutiesFarEnoughApartAreFine() {
			verifier.verifyThat(RosterConstraints::spreadOut)
				.given(duty(EAST, W10, chen), duty(EAST, W10 + 4, chen), duty(EAST, W10 + 8, zhao))
				.hasNoImpact();
		}

		@Test
		void aDutyJustBeforeTheRangeCounts() {
			verifier.verifyThat(RosterConstraints::spreadOut)
				.given(pastDuty(EAST, W10 - 2, chen), duty(EAST, W10 + 1, chen))
				.penalizesBy(1);
		}

	}

	@Nested
	class NewCombinations {

		@Test
		void aPairServingTogetherTwiceInThePlanIsPenalized() {
			PlannedTerm a = term(1, W10);
			PlannedTerm b = term(2, W10 + 3);
			verifier.verifyThat(RosterConstraints::newCombinations)
				.given(a, b, seat(a, 0, chen), seat(a, 1, zhao), seat(a, 2, sun), seat(b, 0, chen), seat(b, 1, zhao),
						seat(b, 2, li))
				.penalizesBy(1);
		}

		@Test
		void aPairThatServedTogetherBeforeThePlanIsPenalized() {
			Candidate chenWithPast = new Candidate(101, "chen", EAST, true, Set.of(), Set.of(), W10 - 20, 5, 4,
					Map.of(zhao.getId(), 2));
			PlannedTerm a = term(1, W10);
			verifier.verifyThat(RosterConstraints::newCombinations)
				.given(a, seat(a, 0, chenWithPast), seat(a, 1, zhao), seat(a, 2, sun))
				.penalizesBy(2);
		}

		@Test
		void newPairsAreFine() {
			PlannedTerm a = term(1, W10);
			PlannedTerm b = term(2, W10 + 3);
			verifier.verifyThat(RosterConstraints::newCombinations)
				.given(a, b, seat(a, 0, chen), seat(a, 1, zhao), seat(a, 2, sun), seat(b, 0, chen), seat(b, 1, zhou),
						seat(b, 2, li))
				.hasNoImpact();
		}

	}

	@Test
	void aGoodRosterBreaksNoHardRule() {
		PlannedTerm a = term(1, W10);
		PlannedTerm b = term(2, W10 + 2);
		List<Object> facts = new ArrayList<>(List.of(a, b, chen, zhao, sun, zhou, li));
		facts.addAll(team(a, chen, zhao, sun));
		facts.add(duty(EAST, W10, zhou));
		facts.addAll(team(b, li, zhou, chen));
		facts.add(duty(EAST, W10 + 2, zhao));
		List<BiFunction<RosterConstraints, ConstraintFactory, Constraint>> hard = List.of(RosterConstraints::staffed,
				RosterConstraints::oneDutyPerWeek, RosterConstraints::threeDifferent, RosterConstraints::unavailable,
				RosterConstraints::noConsecutiveWeeks, RosterConstraints::maxPerQuarter,
				RosterConstraints::experiencedMember);
		assertThat(hard).hasSameSizeAs(RosterConstraints.HARD);
		for (BiFunction<RosterConstraints, ConstraintFactory, Constraint> rule : hard) {
			verifier.verifyThat(rule).given(facts.toArray()).hasNoImpact();
		}
	}

}
