package org.oneweek.diary;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.diary.DiaryCompliance.MemberTerm;
import org.oneweek.diary.DiaryCompliance.Tally;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diary compliance for the organization department, and the evening reminder to the
 * secretary, with time passed in.
 */
@OneweekTest
class DiaryComplianceTest {

	@Autowired
	Diaries diaries;

	@Autowired
	DiaryCompliance compliance;

	@Autowired
	DiaryReminders reminders;

	@Autowired
	DiaryHome home;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CaseFixtures.ZONE).toInstant();
	}

	void write(AccountPrincipal who, LocalDate day) {
		diaries.save(who, day, new WriteDiary(null, null, null, null, "走访群众", null, null), at(day, 20, 30));
	}

	@Test
	void complianceCountsTheRequiredDaysOnceClosedPerMemberTeamVillageAndWeek() {
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(fixtures.newVillage("JA"), monday);
		Team diligent = fixtures.team(fixtures.newVillage("QS"), monday);
		AccountPrincipal lead = team.lead();
		AccountPrincipal second = team.people().get(1);
		AccountPrincipal third = team.people().get(2);
		for (int d = 0; d < 3; d++) {
			write(lead, monday.plusDays(d));
		}
		write(second, monday);
		// a Saturday diary is welcome but not required
		write(third, monday.with(DayOfWeek.SATURDAY));
		// an amendment after the close does not make a missing day written
		diaries.amend(second, monday.plusDays(1), "那天在开会", at(monday.plusDays(4), 9, 0));
		for (AccountPrincipal member : diligent.people()) {
			for (int d = 0; d < 5; d++) {
				write(member, monday.plusDays(d));
			}
		}

		Instant nextMonday = at(monday.plusWeeks(1), 10, 0);
		List<MemberTerm> rows = mine(compliance.between(monday, monday, nextMonday), team, diligent);
		Map<MemberId, Tally> byMember = DiaryCompliance.tally(rows, MemberTerm::memberId);
		assertThat(byMember.get(lead.memberId())).isEqualTo(new Tally(5, 3));
		assertThat(byMember.get(second.memberId())).isEqualTo(new Tally(5, 1));
		assertThat(byMember.get(third.memberId())).isEqualTo(new Tally(5, 0));
		assertThat(row(rows, lead).missingDays()).containsExactly(monday.plusDays(3), monday.plusDays(4));
		assertThat(row(rows, lead).lead()).isTrue();

		Map<TermId, Tally> byTeam = DiaryCompliance.tally(rows, (r) -> r.term().id());
		assertThat(byTeam.get(team.termId())).isEqualTo(new Tally(15, 4));
		assertThat(byTeam.get(team.termId()).percent()).isEqualTo(26);
		assertThat(byTeam.get(diligent.termId())).isEqualTo(new Tally(15, 15));
		Map<VillageId, Tally> byVillage = DiaryCompliance.tally(rows, (r) -> r.term().villageId());
		assertThat(byVillage.get(VillageId.of(team.villageId()))).isEqualTo(new Tally(15, 4));
		assertThat(DiaryCompliance.tally(rows, (r) -> r.term().weekStart()).get(monday)).isEqualTo(new Tally(30, 19));

		// on Thursday morning only Monday and Tuesday have closed; Wednesday and Thursday
		// can still be written
		Instant thursday = at(monday.plusDays(3), 10, 0);
		List<MemberTerm> midweek = mine(compliance.between(monday, monday, thursday), team, diligent);
		assertThat(row(midweek, lead).tally()).isEqualTo(new Tally(2, 2));
		assertThat(row(midweek, lead).openDays()).containsExactly(monday.plusDays(3));
		assertThat(row(midweek, third).tally()).isEqualTo(new Tally(2, 0));
		assertThat(row(midweek, third).openDays()).containsExactly(monday.plusDays(2), monday.plusDays(3));

		// the database's count says the same, by villages, member and term
		List<VillageId> both = List.of(VillageId.of(team.villageId()), VillageId.of(diligent.villageId()));
		assertThat(compliance.count(monday, monday, nextMonday, both, null, null)).isEqualTo(new Tally(30, 19));
		assertThat(compliance.count(monday, monday, nextMonday, null, lead.memberId(), null))
			.isEqualTo(new Tally(5, 3));
		assertThat(compliance.count(monday, monday, nextMonday, null, null, team.termId())).isEqualTo(new Tally(15, 4));
		assertThat(compliance.count(monday, monday, thursday, null, lead.memberId(), null)).isEqualTo(new Tally(2, 2));
		assertThat(compliance.count(monday, monday, nextMonday, List.of(), null, null)).isEqualTo(Tally.NONE);
	}

	@Test
	void theDatabasesCountIsTheTotalOfTheRowsForEveryVillageAndTheWholeDistrict() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		LocalDate from = today.minusWeeks(12);
		List<MemberTerm> rows = compliance.between(from, today, now);
		assertThat(compliance.count(from, today, now, null, null, null)).isEqualTo(DiaryCompliance.total(rows));
		Map<VillageId, Tally> byVillage = DiaryCompliance.tally(rows, (r) -> r.term().villageId());
		byVillage
			.forEach((village, tally) -> assertThat(compliance.count(from, today, now, List.of(village), null, null))
				.as("village %s", village)
				.isEqualTo(tally));
		// again, now from the kept figures of the settled terms
		assertThat(compliance.count(from, today, now, null, null, null)).isEqualTo(DiaryCompliance.total(rows));
		// a diary of a settled term changed by other means than the application: its
		// term's kept figure is forgotten and counted again
		MemberTerm settled = rows.stream()
			.filter((r) -> r.term().weekStart().plusDays(8).isBefore(today) && !r.missingDays().isEmpty())
			.findFirst()
			.orElseThrow();
		LocalDate missing = settled.missingDays().get(0);
		Tally before = compliance.count(from, today, now, null, settled.memberId(), null);
		int changed = jdbc.sql("update diary_entry set written = true where member_id = ? and day = ?")
			.params(settled.memberId().value(), missing)
			.update();
		try {
			Tally after = compliance.count(from, today, now, null, settled.memberId(), null);
			assertThat(after.written()).isEqualTo(before.written() + changed);
		}
		finally {
			jdbc.sql("update diary_entry set written = false where member_id = ? and day = ?")
				.params(settled.memberId().value(), missing)
				.update();
		}
		assertThat(compliance.count(from, today, now, null, settled.memberId(), null)).isEqualTo(before);
		Map<MemberId, Tally> byMember = DiaryCompliance.tally(rows, MemberTerm::memberId);
		byMember.entrySet()
			.stream()
			.limit(20)
			.forEach((e) -> assertThat(compliance.count(from, today, now, null, e.getKey(), null))
				.as("member %s", e.getKey())
				.isEqualTo(e.getValue()));
	}

	@Test
	void atTheEveningHourSecretariesWithoutADiaryAreRemindedOnceWhateverTheInstances() throws Exception {
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(fixtures.newVillage("HB"), monday);
		LocalDate tuesday = monday.with(DayOfWeek.TUESDAY);
		AccountPrincipal lead = team.lead();
		AccountPrincipal second = team.people().get(1);
		AccountPrincipal third = team.people().get(2);
		WriteDiary diary = new WriteDiary(null, null, null, null, "晨会", null, null);
		diaries.save(lead, tuesday, diary, at(tuesday, 19, 0));

		reminders.run(at(tuesday, 19, 59));
		assertThat(notices(team)).isZero();
		assertThat(home.card(third, at(tuesday, 19, 59)).reminded()).isFalse();

		Instant evening = at(tuesday, 20, 0);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(() -> reminders.run(evening), () -> reminders.run(evening));
			for (Future<Integer> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		reminders.run(evening.plusSeconds(300));
		assertThat(notices(team)).isEqualTo(2);
		assertThat(reminders.pending(lead.memberId(), evening)).isEmpty();
		assertThat(reminders.pending(third.memberId(), evening)).containsExactly(tuesday);
		DiaryHome.Card card = home.card(third, at(tuesday, 20, 10));
		assertThat(card.reminded()).isTrue();
		assertThat(card.today()).isEqualTo(DayStatus.OPEN_EMPTY);

		// writing it clears the notice; the next morning yesterday's can still be written
		diaries.save(second, tuesday, diary, at(tuesday, 21, 0));
		assertThat(reminders.pending(second.memberId(), at(tuesday, 21, 1))).isEmpty();
		DiaryHome.Card morning = home.card(third, at(tuesday.plusDays(1), 8, 0));
		assertThat(morning.reminded()).isFalse();
		assertThat(morning.yesterday()).isEqualTo(tuesday);

		// no reminder on a day no diary is required
		reminders.run(at(monday.with(DayOfWeek.SATURDAY), 21, 0));
		assertThat(notices(team)).isEqualTo(2);
	}

	@Test
	void theDemoDistrictsPastWeeksHaveMostOfTheirDiaries() {
		Instant now = clock.instant();
		LocalDate lastWeek = LocalDate.ofInstant(now, clock.getZone()).minusWeeks(1);
		// the demo's own villages, not those of the tests (codes like T1234V5)
		List<MemberTerm> demo = compliance.between(lastWeek, lastWeek, now)
			.stream()
			.filter((r) -> jdbc.sql("select code !~ '^T[0-9]+V[0-9]+$' from village where id = ?")
				.param(r.term().villageId().value())
				.query(Boolean.class)
				.single())
			.toList();
		Tally total = DiaryCompliance.total(demo);
		assertThat(total.expected()).isEqualTo(45);
		assertThat(total.percent()).isBetween(70, 95);
	}

	/**
	 * The team's notices of its own week: its members may have served other tests' weeks
	 * and been reminded there (NoticeDeliveryTest runs the evening job for its teams).
	 */
	int notices(Team team) {
		return jdbc.sql("""
				select count(*) from diary_notice where member_id in (:members)
				  and day between :monday and :sunday""")
			.param("members", team.people().stream().map((p) -> p.memberId().value()).toList())
			.param("monday", team.monday())
			.param("sunday", team.monday().plusDays(6))
			.query(Integer.class)
			.single();
	}

	static List<MemberTerm> mine(List<MemberTerm> rows, Team... teams) {
		List<TermId> termIds = java.util.Arrays.stream(teams).map(Team::termId).toList();
		return rows.stream().filter((r) -> termIds.contains(r.term().id())).toList();
	}

	static MemberTerm row(List<MemberTerm> rows, AccountPrincipal member) {
		return rows.stream().filter((r) -> r.memberId().equals(member.memberId())).findFirst().orElseThrow();
	}

}
