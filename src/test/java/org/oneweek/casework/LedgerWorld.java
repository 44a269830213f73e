package org.oneweek.casework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.MemberManagement;
import org.oneweek.people.Role;
import org.oneweek.people.SaveMember;
import org.oneweek.places.CreateDistrict;
import org.oneweek.places.CreateTownship;
import org.oneweek.places.CreateVillage;
import org.oneweek.places.DistrictId;
import org.oneweek.places.PlaceManagement;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.roster.RosterManagement;
import org.oneweek.roster.TermId;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small world of its own for module tests, made through the modules' APIs alone (no
 * demo data, no SQL): a district with a street and a village, and teams of three members
 * with accounts, in weeks far from anybody else's.
 */
public final class LedgerWorld {

	private final PlaceManagement places;

	private final MemberManagement members;

	private final Accounts accounts;

	private final RosterManagement roster;

	private final UserDetailsService users;

	private final String mark = randomLetters(4);

	private final TownshipId townshipId;

	public LedgerWorld(PlaceManagement places, MemberManagement members, Accounts accounts, RosterManagement roster,
			UserDetailsService users) {
		this.places = places;
		this.members = members;
		this.accounts = accounts;
		this.roster = roster;
		this.users = users;
		DistrictId district = places.createDistrict(new CreateDistrict("D" + mark, "模块测试区" + mark, "M" + mark), "test");
		this.townshipId = places.createTownship(
				new CreateTownship(district, "S" + mark, "模块测试街道" + mark, Township.Kind.STREET, 20000), "test");
	}

	/** A world made with the beans of a (module test's) application context. */
	public static LedgerWorld in(BeanFactory beans) {
		return new LedgerWorld(beans.getBean(PlaceManagement.class), beans.getBean(MemberManagement.class),
				beans.getBean(Accounts.class), beans.getBean(RosterManagement.class),
				beans.getBean(UserDetailsService.class));
	}

	/** A new village of the street. */
	public long village(String name) {
		String code = "V" + mark + randomLetters(3);
		return places
			.createVillage(new CreateVillage(townshipId, code, name + code, Village.Kind.VILLAGE, 1000, 300, null, null,
					null, null, true), "test")
			.value();
	}

	/** A Monday years from now that this world has not used yet. */
	public static LocalDate monday(int weeksAhead) {
		return LocalDate.of(2033, 1, 3).plusWeeks(ThreadLocalRandom.current().nextInt(0, 2000) * 4L + weeksAhead);
	}

	/** Tuesday 9:30 of the week, in the district's zone. */
	public static Instant tuesdayMorning(LocalDate monday) {
		return monday.with(DayOfWeek.TUESDAY).atTime(LocalTime.of(9, 30)).atZone(CaseFixtures.ZONE).toInstant();
	}

	/**
	 * A team of three new members with secretary accounts, serving in the village that
	 * week.
	 */
	public Team team(long villageId, LocalDate monday) {
		List<MemberId> ids = new ArrayList<>();
		List<AccountPrincipal> people = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String who = mark + randomLetters(5);
			MemberId memberId = members.create(new SaveMember("党员" + who, Member.Gender.F, 1958, true,
					"139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)), null, null, null, null,
					true), "test");
			String username = "m-" + who.toLowerCase(java.util.Locale.ROOT);
			// marked as the demo's: the tests share one database with the demo district,
			// which
			// refuses to start again on a database holding accounts of others
			accounts.create(new CreateAccount(username, "党员" + who, EnumSet.of(Role.SECRETARY), memberId, null, null,
					"module-test-" + who), "test", true);
			ids.add(memberId);
			people.add((AccountPrincipal) users.loadUserByUsername(username));
		}
		TermId termId = roster.createTerm(VillageId.of(villageId), monday, ids, ids.get(0));
		return new Team(termId, villageId, monday, people);
	}

	/** A term's team: the lead first. */
	public record Team(TermId termId, long villageId, LocalDate monday, List<AccountPrincipal> people) {

		public AccountPrincipal lead() {
			return people.get(0);
		}

		public Instant tuesday() {
			return tuesdayMorning(monday);
		}

	}

	private static String randomLetters(int n) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < n; i++) {
			letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

}
