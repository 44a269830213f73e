package org.oneweek.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.Open311Keys;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OneweekTest
class DemoDataTest {

	@Autowired
	DemoData demo;

	@Autowired
	Places places;

	@Autowired
	Members members;

	@Autowired
	Terms terms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Open311Keys keys;

	@Autowired
	Accounts accounts;

	@Test
	void theDistrictHasThreeStreetsOfFourVillagesAndThirtyNineMembers() {
		List<String> streets = List.of("JA", "QS", "HB");
		assertThat(streets)
			.allSatisfy((code) -> assertThat(places.villagesOf(places.townshipByCode(code).orElseThrow().id())
				.stream()
				.filter((v) -> v.code().length() == 2)).hasSize(4));
		Village dongjiang = places.villageByCode("DJ").orElseThrow();
		assertThat(dongjiang.name()).isEqualTo("东江村");
		assertThat(dongjiang.population()).isEqualTo(3700);
		assertThat(jdbc.sql("select count(*) from member where phone like '1392500%' or phone like '139250%'")
			.query(Long.class)
			.single()).isEqualTo(39);
	}

	@Test
	void theCurrentWeekIsStaffedAsInTheStory() {
		LocalDate today = LocalDate.now(clock);
		Term term = terms.ofVillage(places.villageByCode("DJ").orElseThrow().id(), today).orElseThrow();
		List<String> team = members.members(term.memberIds()).stream().map(Member::name).toList();
		assertThat(team).containsExactlyInAnyOrder("陈国华", "赵建军", "孙丽娟");
		assertThat(members.member(term.leadId()).orElseThrow().name()).isEqualTo("陈国华");
		TownshipId streetId = places.townshipByCode("JA").orElseThrow().id();
		assertThat(terms.dutyOfTownship(streetId, today).flatMap((d) -> members.member(d.memberId())))
			.hasValueSatisfying((m) -> assertThat(m.name()).isEqualTo("周文斌"));
		assertThat(terms.inWeek(today).stream().filter(this::demo)).hasSize(3);
		assertThat(terms.dutiesInWeek(today).stream().filter(this::demo)).hasSize(3);
	}

	@Test
	void nobodyServesTwiceInAWeekNorTwoWeeksRunning() {
		LocalDate monday = Weeks.mondayOf(LocalDate.now(clock));
		for (int offset = -3; offset <= 4; offset++) {
			LocalDate week = monday.plusWeeks(offset);
			List<Long> busy = busy(week);
			assertThat(busy).doesNotHaveDuplicates();
			assertThat(busy).hasSize(12);
			if (offset < 4) {
				assertThat(busy).doesNotContainAnyElementsOf(busy(week.plusWeeks(1)));
			}
		}
	}

	private List<Long> busy(LocalDate week) {
		List<Long> ids = new java.util.ArrayList<>();
		terms.inWeek(week).stream().filter(this::demo).forEach((t) -> ids.addAll(Ids.values(t.memberIds())));
		terms.dutiesInWeek(week).stream().filter(this::demo).forEach((d) -> ids.add(d.memberId().value()));
		return ids;
	}

	/** Other tests add terms of their own in villages of their own. */
	private boolean demo(Term term) {
		return DEMO_VILLAGES.contains(places.village(term.villageId()).orElseThrow().code());
	}

	private boolean demo(TroubleshooterDuty duty) {
		return List.of("JA", "QS", "HB").contains(places.township(duty.townshipId()).orElseThrow().code());
	}

	static final List<String> DEMO_VILLAGES = List.of("DJ", "HW", "LS", "XG", "SQ", "TY", "SP", "QF", "HK", "YW", "LT",
			"BS");

	@Test
	void everyRoleHasADemoAccountAndEveryVillageACommitteeAccount() {
		assertThat(List.of("admin", "secretary", "troubleshooter", "committee", "unit")).allSatisfy(
				(name) -> assertThat(passwords.matches(DemoData.PASSWORD, users.loadUserByUsername(name).getPassword()))
					.isTrue());
		assertThat(users.loadUserByUsername("committee").getAuthorities()).extracting(Object::toString)
			.containsExactly(Role.COMMITTEE.authority());
		assertThat(jdbc
			.sql("""
					select count(*) from village v where v.code in ('DJ','HW','LS','XG','SQ','TY','SP','QF','HK','YW','LT','BS')
					and exists (select 1 from user_account a where a.village_id = v.id and 'COMMITTEE' = any(a.roles))""")
			.query(Long.class)
			.single()).isEqualTo(12);
	}

	@Test
	void refusesToRunOnADatabaseWithDataThatIsNotTheDemos() {
		jdbc.sql("""
				insert into user_account (username, password_hash, display_name, roles)
				values ('real-admin', 'x', '真实管理员', '{ORG_ADMIN}')""").update();
		try {
			assertThatThrownBy(() -> demo.run(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("not the demo's");
		}
		finally {
			jdbc.sql("delete from user_account where username = 'real-admin'").update();
		}
	}

	@Test
	@Transactional
	void startsAgainAfterTheDemosAdministratorCreatedAnOpen311Key() {
		// as in runningAgainAddsNothingTwice: what earlier tests made counts as the
		// demo's
		jdbc.sql("update user_account set demo = true where not demo").update();
		keys.create("区 12345 热线（测试）", "admin", clock.instant());
		accounts.create(new CreateAccount("demo-made-" + System.nanoTime() % 100000, "组织部新同事", Set.of(Role.ORG_ADMIN),
				null, null, null, "water-lily-bridge"), "admin");
		demo.run(null);
		assertThat(jdbc.sql("select count(*) from user_account where not demo").query(Long.class).single()).isZero();
	}

	@Test
	@Transactional
	void runningAgainAddsNothingTwice() {
		// the demo refuses a database with accounts that are not its own (see above), and
		// the tests that ran before this one may have made some: until this test's
		// transaction is rolled back, they count as the demo's
		jdbc.sql("update user_account set demo = true where not demo").update();
		long accounts = jdbc.sql("select count(*) from user_account").query(Long.class).single();
		long termCount = jdbc.sql("select count(*) from term").query(Long.class).single();
		demo.run(null);
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(accounts);
		assertThat(jdbc.sql("select count(*) from term").query(Long.class).single()).isEqualTo(termCount);
	}

}
