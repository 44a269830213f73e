package org.oneweek.casework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.oneweek.casework.web.IntakeForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.places.CreateVillage;
import org.oneweek.places.PlaceManagement;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterManagement;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Test data of their own for case tests: a fresh village in a street, teams of members
 * who have accounts, in weeks nobody else uses, so tests never depend on each other or on
 * counts of whole tables.
 */
@Component
public class CaseFixtures {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger villages = new AtomicInteger();

	/** Each call gets weeks of its own, far from the demo's. */
	private static final AtomicInteger weeks = new AtomicInteger();

	private final JdbcClient jdbc;

	private final PlaceManagement places;

	private final RosterManagement roster;

	private final UserDetailsService users;

	public CaseFixtures(JdbcClient jdbc, PlaceManagement places, RosterManagement roster, UserDetailsService users) {
		this.jdbc = jdbc;
		this.places = places;
		this.roster = roster;
		this.users = users;
	}

	public AccountPrincipal principal(String username) {
		return (AccountPrincipal) users.loadUserByUsername(username);
	}

	public long townshipId(String code) {
		return jdbc.sql("select id from township where code = ?").param(code).query(Long.class).single();
	}

	public long villageId(String code) {
		return jdbc.sql("select id from village where code = ?").param(code).query(Long.class).single();
	}

	/** A new village in the street with the given code. */
	public long newVillage(String streetCode) {
		int n = villages.incrementAndGet();
		String code = "T" + ProcessHandle.current().pid() % 10000 + "V" + n;
		return places
			.createVillage(new CreateVillage(TownshipId.of(townshipId(streetCode)), code, "测试村" + code,
					Village.Kind.VILLAGE, 1000, 300, null, null, null, null, true), "test")
			.value();
	}

	/** A Monday of a week no other test uses, years from now. */
	public LocalDate freshMonday() {
		return Weeks.mondayOf(LocalDate.of(2031, 1, 6)).plusWeeks(weeks.getAndIncrement() * 2L);
	}

	/** Tuesday 9:30 of the week, in the district's zone. */
	public static Instant tuesdayMorning(LocalDate monday) {
		return monday.with(DayOfWeek.TUESDAY).atTime(LocalTime.of(9, 30)).atZone(ZONE).toInstant();
	}

	/**
	 * A team of three members with accounts, free in the week, the first the lead; none
	 * of the members of the teams to avoid.
	 */
	public Team team(long villageId, LocalDate monday, Team... avoid) {
		List<Long> excluded = new ArrayList<>(List.of(-1L));
		for (Team other : avoid) {
			other.people().forEach((p) -> excluded.add(p.memberId().value()));
		}
		List<Long> free = freeMembersWithAccounts(monday, 3, excluded);
		TermId termId = roster.createTerm(VillageId.of(villageId), monday, Ids.all(free, MemberId::of),
				MemberId.of(free.get(0)));
		List<AccountPrincipal> people = new ArrayList<>();
		for (long memberId : free) {
			String username = jdbc.sql("select username from user_account where member_id = ? order by id limit 1")
				.param(memberId)
				.query(String.class)
				.single();
			people.add(principal(username));
		}
		return new Team(termId, villageId, monday, people);
	}

	/** A troubleshooter with an account on duty in the street that week. */
	public AccountPrincipal troubleshooter(String streetCode, LocalDate monday, Team... avoid) {
		long township = townshipId(streetCode);
		List<Long> excluded = new ArrayList<>(List.of(-1L));
		for (Team other : avoid) {
			other.people().forEach((p) -> excluded.add(p.memberId().value()));
		}
		Long existing = jdbc.sql("select member_id from troubleshooter_duty where township_id = ? and week_start = ?")
			.params(township, monday)
			.query(Long.class)
			.optional()
			.orElse(null);
		long memberId = (existing != null) ? existing : freeMembersWithAccounts(monday, 1, excluded).get(0);
		if (existing == null) {
			roster.assignTroubleshooter(TownshipId.of(township), monday, MemberId.of(memberId));
		}
		String username = jdbc
			.sql("select username from user_account where member_id = ? and 'TROUBLESHOOTER' = any(roles) "
					+ "order by id limit 1")
			.param(memberId)
			.query(String.class)
			.single();
		return principal(username);
	}

	private static final java.util.concurrent.atomic.AtomicLong PHONES = new java.util.concurrent.atomic.AtomicLong(
			System.currentTimeMillis() % 50_000_000L);

	/**
	 * Members free that week with an account of the demo's kind (secretary and
	 * troubleshooter); when the demo's 36 are all taken (many tests use the real week),
	 * new ones are made, with the demo's password.
	 */
	private List<Long> freeMembersWithAccounts(LocalDate monday, int count, List<Long> excluded) {
		List<Long> free = new ArrayList<>(freeDemoMembers(monday, count, excluded));
		while (free.size() < count) {
			free.add(newMemberWithAccount());
		}
		return free;
	}

	/** A new member with an account of the demo's kind and the demo's password. */
	public long newMemberWithAccount() {
		String phone;
		java.util.Optional<Long> inserted;
		do {
			phone = "170" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
			inserted = jdbc.sql("""
					insert into member (name, gender, birth_year, phone) values (?, 'M', 1970, ?)
					on conflict (phone) do nothing returning id""")
				.params("测试队员" + phone.substring(7), phone)
				.query(Long.class)
				.optional();
		}
		while (inserted.isEmpty());
		long memberId = inserted.get();
		jdbc.sql("""
				insert into user_account (username, password_hash, display_name, roles, member_id, demo)
				select ?, password_hash, ?, array['SECRETARY', 'TROUBLESHOOTER'], ?, demo from user_account
				where username = 'secretary'""")
			.params("t-member-" + memberId, "测试队员" + phone.substring(7), memberId)
			.update();
		return memberId;
	}

	private List<Long> freeDemoMembers(LocalDate monday, int count, List<Long> excluded) {
		return jdbc.sql("""
				select m.id from member m where m.active
				  and exists (select 1 from user_account a where a.member_id = m.id and 'SECRETARY' = any(a.roles)
				              and 'TROUBLESHOOTER' = any(a.roles))
				  and not exists (select 1 from term t join term_member tm on tm.term_id = t.id
				                  where tm.member_id = m.id and t.week_start = :w)
				  and not exists (select 1 from troubleshooter_duty d where d.member_id = m.id and d.week_start = :w)
				  and m.id not in (:excluded)
				order by random() limit :n""")
			.param("w", monday)
			.param("excluded", excluded)
			.param("n", count)
			.query(Long.class)
			.list();
	}

	public static IntakeForm intake(long villageId, String title) {
		IntakeForm form = new IntakeForm();
		form.setVillageId(villageId);
		form.setCategory("OTHER");
		form.setTitle(title);
		form.setDescription(title + "，群众在晨会上反映。");
		form.setLocation("村委会附近");
		return form;
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

}
