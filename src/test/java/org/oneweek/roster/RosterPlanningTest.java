package org.oneweek.roster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.people.AddUnavailability;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.MemberManagement;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.internal.PlanEditor;
import org.oneweek.roster.internal.PlanRange;
import org.oneweek.roster.internal.PlanReview;
import org.oneweek.roster.internal.PlanningRun;
import org.oneweek.roster.internal.RosterPlanner;
import org.oneweek.roster.internal.Slot;
import org.oneweek.roster.planning.Finding;
import org.oneweek.roster.planning.RosterConstraints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The planner on the demo district's database: plan, pin, re-plan, publish, change after
 * publication. Each test plans its own weeks, far from the others'
 * (RosterPlanningBrowserTest plans weeks 100 to 112 ahead).
 */
@OneweekTest
class RosterPlanningTest {

	@Autowired
	RosterPlanner planner;

	@Autowired
	PlanEditor editor;

	@Autowired
	PlanReview review;

	@Autowired
	Terms terms;

	@Autowired
	RosterNotices notices;

	@Autowired
	RosterManagement roster;

	@Autowired
	Members members;

	@Autowired
	MemberManagement memberManagement;

	@Autowired
	Places places;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	LocalDate weeksAhead(int weeks) {
		return Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(weeks);
	}

	PlanningRun plan(PlanRange range, int seconds) throws InterruptedException {
		long id = planner.start(range, seconds, "test");
		return awaitEnd(id, Duration.ofSeconds(seconds + 60));
	}

	PlanningRun awaitEnd(long id, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			PlanningRun run = planner.run(id).orElseThrow();
			if (run.done()) {
				return run;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("run " + id + " did not end in " + limit);
	}

	@Test
	void theDemoDistrictGetsAFeasibleRosterForHalfAYearAndPublishesIt() throws Exception {
		PlanRange range = new PlanRange(weeksAhead(5), weeksAhead(30));

		PlanningRun run = plan(range, 5);

		assertThat(run.status()).isEqualTo(PlanningRun.Status.FINISHED);
		assertThat(run.bestHard()).isZero();
		assertThat(run.firstFeasibleMs()).isNotNull().isLessThan(5000L);
		assertThat(run.postCount()).isEqualTo(26 * 12);
		PlanReview.Review planned = review.review(range);
		assertThat(planned.feasible()).isTrue();
		assertThat(planned.unstaffed()).isZero();
		// planned terms are not visible to members yet
		assertThat(terms.inWeek(range.from())).isEmpty();

		int published = editor.publish(range, "test");

		assertThat(published).isEqualTo(26 * 3 * 2);
		for (LocalDate week : range.weeks()) {
			List<Term> ofWeek = terms.inWeek(week);
			assertThat(ofWeek).hasSize(3).allSatisfy((term) -> {
				assertThat(term.team()).hasSize(3);
				assertThat(term.team().stream().filter(Term.TeamMember::lead)).hasSize(1);
			});
			assertThat(terms.dutiesInWeek(week)).hasSize(3);
		}
		MemberId member = terms.inWeek(range.from()).get(0).leadId();
		assertThat(notices.open(member)).anySatisfy((notice) -> {
			assertThat(notice.kind()).isEqualTo(RosterNotice.Kind.PUBLISHED);
			assertThat(notice.weekStart()).isEqualTo(range.from());
		});
		assertThat(review.review(range).feasible()).isTrue();
	}

	@Test
	void pinnedTermsStayAsTheyWereWhenTheRestIsPlannedAgain() throws Exception {
		PlanRange range = new PlanRange(weeksAhead(40), weeksAhead(52));
		assertThat(plan(range, 5).bestHard()).isZero();
		List<Long> planned = jdbc.sql("select id from term where week_start between ? and ? order by week_start, id")
			.params(range.from(), range.to())
			.query(Long.class)
			.list();
		long first = planned.get(0);
		long second = planned.get(4);
		// an agreement by phone: swap two members of the first team with the second's
		// before pinning, so the pinned teams are not simply what the planner would pick
		List<Long> firstTeam = team(first);
		List<Long> secondTeam = team(second);
		editor.swap(Slot.seat(first, firstTeam.get(2)), Slot.seat(second, secondTeam.get(2)), "test");
		editor.pin(Slot.seat(first, null), true, "test");
		editor.pin(Slot.seat(second, null), true, "test");
		Map<Long, List<Long>> before = new HashMap<>();
		before.put(first, team(first));
		before.put(second, team(second));

		PlanningRun again = plan(range, 5);

		assertThat(again.status()).isEqualTo(PlanningRun.Status.FINISHED);
		assertThat(team(first)).isEqualTo(before.get(first));
		assertThat(team(second)).isEqualTo(before.get(second));
		assertThat(review.review(range).feasible()).isTrue();
	}

	@Test
	void aChangeAfterPublicationIsRecordedAndTheMembersConcernedAreNotified() throws Exception {
		PlanRange range = new PlanRange(weeksAhead(60), weeksAhead(63));
		assertThat(plan(range, 5).bestHard()).isZero();
		editor.publish(range, "test");
		Term term = terms.inWeek(range.from()).get(0);
		TroubleshooterDuty duty = terms.dutiesInWeek(range.from()).get(0);
		MemberId leaving = term.memberIds().stream().filter((m) -> !m.equals(term.leadId())).findFirst().orElseThrow();
		MemberId joining = duty.memberId();

		editor.swap(Slot.seat(term.id().value(), leaving.value()), Slot.duty(duty.id(), joining.value()), "wang");

		Term changed = terms.inWeek(range.from()).get(0);
		assertThat(changed.memberIds()).contains(joining).doesNotContain(leaving);
		assertThat(terms.dutiesInWeek(range.from()).get(0).memberId()).isEqualTo(leaving);
		List<Map<String, Object>> changes = jdbc.sql("""
				select kind, removed_member_id, added_member_id, actor from roster_change
				where week_start = ? and kind = 'REPLACED' order by id""").param(range.from()).query().listOfRows();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0)).containsEntry("removed_member_id", leaving.value())
			.containsEntry("added_member_id", joining.value())
			.containsEntry("actor", "wang");
		assertThat(notices.open(joining)).anyMatch((n) -> n.kind() == RosterNotice.Kind.REPLACED
				&& n.concernsMe() == RosterNotice.Concern.ADDED && n.weekStart().equals(range.from()));
		assertThat(notices.open(leaving))
			.anyMatch((n) -> n.kind() == RosterNotice.Kind.REPLACED && n.concernsMe() == RosterNotice.Concern.REMOVED);
		assertThat(notices.open(term.leadId())).anyMatch((n) -> n.concernsMe() == RosterNotice.Concern.TEAM);
		// and each becomes a notice of the notify module, for the member's account
		for (MemberId member : List.of(joining, leaving, term.leadId())) {
			long accounts = jdbc.sql("select count(*) from user_account where member_id = ? and enabled")
				.param(member.value())
				.query(Long.class)
				.single();
			long changedNotices = jdbc.sql("""
					select count(*) from notice n join user_account a on a.id = n.account_id
					where a.member_id = ? and n.kind = 'ROSTER_CHANGED' and ? = any(n.args)""")
				.params(member.value(), Weeks.label(range.from()))
				.query(Long.class)
				.single();
			if (accounts > 0) {
				assertThat(changedNotices).as("roster change notices of member " + member).isPositive();
			}
			else {
				assertThat(changedNotices).isZero();
			}
		}
		long published = jdbc.sql("""
				select count(*) from notice n join user_account a on a.id = n.account_id
				where n.kind = 'ROSTER_PUBLISHED' and ? = any(n.args)""")
			.param(Weeks.label(range.from()))
			.query(Long.class)
			.single();
		assertThat(published).as("publication notices of the week").isPositive();
		// the notices and the history name the village, the street and the members
		String village = places.village(term.villageId()).orElseThrow().name();
		String street = places.township(duty.townshipId()).orElseThrow().name();
		String leavingName = members.member(leaving).orElseThrow().name();
		String joiningName = members.member(joining).orElseThrow().name();
		assertThat(notices.open(joining)).anySatisfy((n) -> {
			assertThat(n.troubleshooter()).isFalse();
			assertThat(n.place()).isEqualTo(village);
			assertThat(n.added()).isEqualTo(joiningName);
			assertThat(n.removed()).isEqualTo(leavingName);
		});
		assertThat(notices.open(leaving)).anySatisfy((n) -> {
			assertThat(n.troubleshooter()).isTrue();
			assertThat(n.place()).isEqualTo(street);
			assertThat(n.added()).isEqualTo(leavingName);
			assertThat(n.removed()).isEqualTo(joiningName);
		});
		String history = mvc
			.perform(get("/roster/changes").param("lang", "en").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(history).contains(village, street, leavingName + " replaced by " + joiningName,
				joiningName + " replaced by " + leavingName, "wang");
		// the history cannot be rewritten
		assertThatThrownBy(() -> jdbc.sql("delete from roster_change").update()).hasMessageContaining("append-only");
	}

	@Test
	void theReviewFindsAMemberAwayInTheWeekOfTheirTerm() {
		LocalDate week = weeksAhead(180);
		PlanRange range = new PlanRange(week, week);
		List<MemberId> team = members.all()
			.stream()
			.filter(Member::active)
			.map(Member::id)
			.sorted(java.util.Comparator.comparingLong(MemberId::value))
			.limit(3)
			.toList();
		roster.createTerm(places.villages().get(0).id(), week, team, team.get(0));
		assertThat(broken(review.review(range), RosterConstraints.UNAVAILABLE)).isEmpty();

		memberManagement.addUnavailability(team.get(1), new AddUnavailability(week, week.plusDays(6), "体检"), "test");

		assertThat(broken(review.review(range), RosterConstraints.UNAVAILABLE)).singleElement()
			.satisfies((finding) -> assertThat(finding.memberIds()).containsExactly(team.get(1).value()));
	}

	@Test
	void aRunStoppedEarlyKeepsTheBestRosterFoundSoFar() throws Exception {
		PlanRange range = new PlanRange(weeksAhead(70), weeksAhead(82));
		long id = planner.start(range, 120, "test");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (planner.run(id).orElseThrow().bestHard() == null && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThatThrownBy(() -> planner.start(range, 5, "someone else")).isInstanceOf(RosterConflictException.class)
			.hasMessage("roster.run.busy");
		planner.requestStop(id);

		PlanningRun run = awaitEnd(id, Duration.ofSeconds(20));

		assertThat(run.status()).isEqualTo(PlanningRun.Status.STOPPED);
		assertThat(run.elapsedMs()).isLessThan(60_000);
		assertThat(review.review(range).unstaffed()).isZero();
	}

	@Test
	void aRunWaitingForItsTurnCanBeStoppedToo() throws Exception {
		long first = planner.start(new PlanRange(weeksAhead(130), weeksAhead(132)), 120, "test");
		long waiting = planner.start(new PlanRange(weeksAhead(140), weeksAhead(142)), 5, "test");
		assertThat(planner.run(waiting).orElseThrow().status()).isEqualTo(PlanningRun.Status.QUEUED);

		planner.requestStop(waiting);
		planner.requestStop(first);

		assertThat(awaitEnd(waiting, Duration.ofSeconds(20)).status()).isEqualTo(PlanningRun.Status.STOPPED);
		assertThat(awaitEnd(first, Duration.ofSeconds(20)).status()).isEqualTo(PlanningRun.Status.STOPPED);
	}

	@Test
	void pastWeeksAndTooLongRangesAreRefused() {
		assertThatThrownBy(() -> planner.start(new PlanRange(weeksAhead(-10), weeksAhead(-2)), 5, "test"))
			.hasMessage("roster.range.past");
		assertThatThrownBy(() -> PlanRange.of(weeksAhead(1), weeksAhead(60))).hasMessage("roster.range.tooLong");
		assertThatThrownBy(() -> planner.start(new PlanRange(weeksAhead(90), weeksAhead(91)), 1, "test"))
			.hasMessage("roster.run.timeLimit");
	}

	/** The findings of a rule in the review. */
	private static List<Finding> broken(PlanReview.Review review, String rule) {
		return review.rules()
			.stream()
			.filter((r) -> r.rule().equals(rule))
			.flatMap((r) -> r.findings().stream())
			.toList();
	}

	private List<Long> team(long termId) {
		return jdbc.sql("select member_id from term_member where term_id = ? order by member_id")
			.param(termId)
			.query(Long.class)
			.list();
	}

}
