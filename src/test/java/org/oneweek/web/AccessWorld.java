package org.oneweek.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CasePhotos;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's 东江村 this week and the people around it, and fresh records on demand: a
 * placeholder in an example ({case}, {village}, …) is replaced by a value, made afresh
 * for each request where a request could use it up.
 */
public final class AccessWorld {

	final Map<String, AccountPrincipal> people = new LinkedHashMap<>();

	final Map<String, Supplier<String>> values = new LinkedHashMap<>();

	final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

	final long dj;

	final long civilAffairs;

	private final JdbcClient jdbc;

	private final CaseFixtures fixtures;

	private final CaseIntake intake;

	private final CaseActions actions;

	private final CasePhotos photos;

	private final Accounts accounts;

	private final Clock clock;

	AccessWorld(JdbcClient jdbc, CaseFixtures fixtures, CaseIntake intake, CaseActions actions, CasePhotos photos,
			Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.fixtures = fixtures;
		this.intake = intake;
		this.actions = actions;
		this.photos = photos;
		this.accounts = accounts;
		this.clock = clock;
		this.dj = fixtures.villageId("DJ");
		this.civilAffairs = jdbc.sql("select id from unit where code = 'MZJ'").query(Long.class).single();
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = org.oneweek.platform.Weeks.mondayOf(today);
		people.put("anonymous", null);
		people.put("secretary", fixtures.principal("secretary"));
		people.put("secretary-elsewhere",
				principalOfMember(jdbc.sql("""
						select tm.member_id from term t join term_member tm on tm.term_id = t.id
						where t.week_start = ? and t.village_id <> ? order by tm.member_id limit 1""")
					.params(monday, dj)
					.query(Long.class)
					.single(), "SECRETARY"));
		people.put("secretary-ended",
				principalOfMember(jdbc.sql("""
						select tm.member_id from term t join term_member tm on tm.term_id = t.id
						where t.week_start < ? and t.village_id = ? and not exists (
						  select 1 from term t2 join term_member m2 on m2.term_id = t2.id
						  where m2.member_id = tm.member_id and t2.week_start = ?)
						order by t.week_start desc, tm.member_id limit 1""")
					.params(monday, dj, monday)
					.query(Long.class)
					.single(), "SECRETARY"));
		people.put("troubleshooter", fixtures.principal("troubleshooter"));
		long djTownship = jdbc.sql("select township_id from village where id = ?").param(dj).query(Long.class).single();
		people.put("troubleshooter-elsewhere", principalOfMember(jdbc.sql("""
				select member_id from troubleshooter_duty where week_start = ? and township_id <> ?
				order by member_id limit 1""").params(monday, djTownship).query(Long.class).single(),
				"TROUBLESHOOTER"));
		people.put("committee", fixtures.principal("committee"));
		people.put("committee-elsewhere", fixtures.principal("committee-hw"));
		people.put("unit", fixtures.principal("unit"));
		people.put("unit-other", otherUnit());
		people.put("admin", fixtures.principal("admin"));

		values.put("village", () -> String.valueOf(dj));
		values.put("code", () -> "DJ");
		values.put("township", () -> String.valueOf(djTownship));
		values.put("today", () -> today.toString());
		values.put("monday", () -> monday.toString());
		values.put("case", () -> freshCase(false, false));
		values.put("case-started", () -> freshCase(true, false));
		values.put("case-resolved", () -> freshCase(true, true));
		values.put("photo", () -> freshPhoto());
		values.put("other-case", () -> freshCase(false, false));
		values.put("n", () -> String.valueOf(counter.incrementAndGet() + System.nanoTime() % 100000 * 100));
		values.put("lead", () -> String.valueOf(people.get("secretary").memberId()));
		values.put("term",
				() -> String.valueOf(jdbc.sql("select id from term where village_id = ? and week_start = ?")
					.params(dj, monday)
					.query(Long.class)
					.single()));
		values.put("ended-term",
				() -> String.valueOf(jdbc
					.sql("select id from term where village_id = ? and week_start < ? order by week_start desc limit 1")
					.params(dj, monday)
					.query(Long.class)
					.single()));
		values.put("handover", () -> String
			.valueOf(jdbc.sql("select coalesce(max(id), 0) from case_handover").query(Long.class).single()));
		values.put("member", () -> String.valueOf(jdbc.sql("select max(id) from member").query(Long.class).single()));
		values.put("unit-id", () -> String.valueOf(civilAffairs));
		values.put("account", () -> String.valueOf(people.get("unit-other").accountId()));
		values.put("key", () -> String
			.valueOf(jdbc.sql("select coalesce(max(id), 0) from bulletin_open311_key").query(Long.class).single()));
		// records the matrix does not make: an id nobody has (the answer is then 404
		// or a
		// refusal, never a 500)
		for (String none : List.of("batch", "run", "inspection", "finding", "meeting", "follow-up", "enlistment",
				"token-id")) {
			values.put(none, () -> "999999999");
		}
	}

	String resolve(String example, Map<String, String> made) {
		Matcher m = Pattern.compile("\\{([a-z-]+)}").matcher(example);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			Supplier<String> value = values.get(name);
			assertThat(value).as("a value for {" + name + "} (AccessMatrixTest.World)").isNotNull();
			m.appendReplacement(out, Matcher.quoteReplacement(made.computeIfAbsent(name, (n) -> value.get())));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String freshCase(boolean started, boolean resolved) {
		AccountPrincipal lead = people.get("secretary");
		Instant now = clock.instant();
		String reference = intake.record(CaseFixtures.intake(dj, "矩阵测试事项").toCommand(), lead, now).reference();
		actions.assign(reference, CaseCommands.AssignCase.toUnit(UnitId.of(civilAffairs)), lead, now);
		if (started) {
			actions.start(reference, "已联系", lead, now);
		}
		if (resolved) {
			actions.resolve(reference, new CaseCommands.ResolveCase("已修好"), lead, now);
		}
		return reference;
	}

	private String freshPhoto() {
		String reference = freshCase(false, false);
		photos.add(reference, CasePhoto.Phase.BEFORE, TestImages.jpeg(), people.get("secretary"), clock.instant());
		return reference + "/photos/" + jdbc
			.sql("select max(p.id) from case_photo p join case_file c on c.id = p.case_id where c.reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private AccountPrincipal principalOfMember(long memberId, String role) {
		String username = jdbc
			.sql("select username from user_account where member_id = ? and ? = any(roles) order by id limit 1")
			.params(memberId, role)
			.query(String.class)
			.single();
		return fixtures.principal(username);
	}

	private AccountPrincipal otherUnit() {
		String username = "unit-other-matrix";
		if (jdbc.sql("select count(*) from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single() == 0) {
			long unit = jdbc.sql("select min(id) from unit where code <> 'MZJ'").query(Long.class).single();
			accounts.create(new CreateAccount(username, "另一单位", Set.of(Role.UNIT), null, null, UnitId.of(unit),
					"matrix-other-unit-pass"), "admin");
		}
		return fixtures.principal(username);
	}

}
