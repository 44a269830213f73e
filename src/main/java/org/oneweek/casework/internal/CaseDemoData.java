package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseIntake;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.VillageId;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Handovers;
import org.oneweek.casework.Satisfaction;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterManagement;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's ledger, seeded once after the demo district: the story's two cases that last
 * term's team in 东江村 handed over (a leaking culvert, a drainage-ditch dispute), waiting
 * for 陈's acknowledgement, and closed cases of past weeks in other villages.
 */
@Component
@Profile("demo")
@Order(10)
class CaseDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CaseDemoData.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CaseIntake intake;

	private final CaseActions actions;

	private final CaseFunding funding;

	private final Handovers handovers;

	private final RosterManagement roster;

	private final Terms terms;

	private final UserDetailsService users;

	private final AuditLog audit;

	private final Clock clock;

	CaseDemoData(JdbcClient jdbc, TransactionTemplate transactions, CaseIntake intake, CaseActions actions,
			CaseFunding funding, Handovers handovers, RosterManagement roster, Terms terms, UserDetailsService users,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.intake = intake;
		this.actions = actions;
		this.funding = funding;
		this.handovers = handovers;
		this.roster = roster;
		this.terms = terms;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult((status) -> {
			jdbc.sql("select pg_advisory_xact_lock(4243)").query().singleRow();
			boolean seeded = jdbc
				.sql("select exists (select 1 from audit_log where entity = 'demo' and entity_id = 'cases')")
				.query(Boolean.class)
				.single();
			VillageId dj = jdbc.sql("select id from village where code = 'DJ'")
				.query(Long.class)
				.optional()
				.map(VillageId::of)
				.orElse(null);
			if (seeded || dj == null || terms.ofVillage(dj, LocalDate.now(clock)).isEmpty()) {
				return;
			}
			log.info("Seeding the demo ledger");
			seed(dj);
			audit.record("demo", "cases", "seed", "demo", null, null);
		});
	}

	private void seed(VillageId dj) {
		ZoneId zone = clock.getZone();
		LocalDate thisMonday = Weeks.mondayOf(LocalDate.now(clock));
		LocalDate earlier = thisMonday.minusWeeks(4);
		Term previous = terms.ofVillage(dj, earlier).orElse(null);
		if (previous == null) {
			List<MemberId> team = Ids.all(jdbc.sql("""
					select m.id from member m join user_account a on a.member_id = m.id
					where 'SECRETARY' = any(a.roles) and m.id not in (
					  select tm.member_id from term t join term_member tm on tm.term_id = t.id where t.week_start = ?
					  union select member_id from troubleshooter_duty where week_start = ?)
					order by m.id desc limit 3""").params(earlier, earlier).query(Long.class).list(), MemberId::of);
			roster.createTerm(dj, earlier, team, team.get(0));
			previous = terms.ofVillage(dj, earlier).orElseThrow();
		}
		AccountPrincipal lead = principal(previous.leadId());
		Instant tuesday = at(earlier, DayOfWeek.TUESDAY, 9, 10, zone);

		String culvert = record(dj, "东江桥下涵洞漏水，雨天路面积水", "WATER", CaseType.HELP, "东江桥下", "王大伯", "13905181234", lead,
				tuesday);
		assign(culvert, AssigneeKind.UNIT, null, unit("SWJ"), lead, tuesday.plusSeconds(1800));
		actions.start(culvert, "水务局李工已到现场查看", lead, tuesday.plusSeconds(7200));
		note(culvert, "水务局已勘察，涵洞需更换，待排期施工", 30, true, lead, tuesday.plusSeconds(86_400));
		funding.request(culvert, new RequestFunding(new BigDecimal("12000"), "区水务局维修资金", "更换涵洞管节"), lead,
				tuesday.plusSeconds(90_000));

		String ditch = record(dj, "三组与四组之间排水沟堵塞引发纠纷", "NEIGHBOURS", CaseType.COMPLAINT, "三组、四组交界", "赵阿姨", "13813809876",
				lead, tuesday.plusSeconds(600));
		assign(ditch, AssigneeKind.COMMITTEE, null, null, lead, tuesday.plusSeconds(3600));
		actions.start(ditch, null, lead, tuesday.plusSeconds(7200));
		note(ditch, "两户各执一词，约定下周由村委会再次调解", 20, false, lead, tuesday.plusSeconds(200_000));

		String light = record(dj, "村口路灯不亮", "ROADS", CaseType.HELP, "村口", null, null, lead, tuesday.plusSeconds(1200));
		assign(light, AssigneeKind.SECRETARY, previous.leadId(), null, lead, tuesday.plusSeconds(1300));
		actions.start(light, null, lead, tuesday.plusSeconds(3000));
		resolve(light, "联系供电所更换灯泡两只", lead, tuesday.plusSeconds(90_000));
		close(light, Satisfaction.SATISFIED, lead, tuesday.plusSeconds(100_000));

		// the committee's list for that week, entered the Friday before: the culvert in
		// its
		// own words, two items no villager raised; the ditch quarrel and the street light
		// are
		// the officials' blind spots
		officialsList(dj, earlier, lead, zone, new String[][] { { "东江桥涵洞渗水，桥下道路雨后积水严重", "WATER" },
				{ "春耕前灌溉渠需要清淤", "AGRICULTURE" }, { "村部监控摄像头损坏两处", "PUBLIC_ORDER" } });

		handovers.handOver(new HandOverCases(previous.id(), "涵洞已报水务局，等排期；排水沟纠纷请村委会继续调解。"), lead,
				at(earlier, DayOfWeek.SUNDAY, 17, 0, zone));

		String[][] past = { { "垃圾清运不及时，河边垃圾点满溢", "SANITATION" }, { "进村道路坑洼积水", "ROADS" }, { "周末垂钓车辆占道停放", "PARKING" } };
		// what the committees listed those weeks: the villagers' problem in the
		// officials'
		// words (left out every third week: a blind spot), and one item of their own
		String[][] listed = { { "沿河垃圾收集点清运不及时", "SANITATION" }, { "村主干道路面破损，雨后积水", "ROADS" },
				{ "节假日外来钓鱼车辆停放无序，需划设停车位", "PARKING" } };
		String[][] ownItems = { { "村卫生室屋顶漏雨需维修", "OTHER" }, { "灌溉泵站电机老化", "AGRICULTURE" },
				{ "独居老人冬季取暖安全隐患排查", "SOCIAL_SECURITY" }, { "村部监控摄像头损坏", "PUBLIC_ORDER" } };
		int n = 0;
		for (int week = 1; week <= 3; week++) {
			for (Term term : terms.inWeek(thisMonday.minusWeeks(week))) {
				if (term.villageId().equals(dj)) {
					continue;
				}
				AccountPrincipal member = principalOfTeam(term);
				if (member == null) {
					continue;
				}
				int i = n;
				String[] p = past[n++ % past.length];
				officialsList(term.villageId(), term.weekStart(), member, zone,
						(i % 4 == 3) ? new String[][] { ownItems[i % ownItems.length] }
								: new String[][] { listed[i % listed.length], ownItems[i % ownItems.length] });
				Instant t = at(term.weekStart(), DayOfWeek.MONDAY, 9, 0, zone);
				String ref = record(term.villageId(), p[0], p[1], CaseType.HELP, null, "村民", "13900000000", member, t);
				assign(ref, AssigneeKind.COMMITTEE, null, null, member, t.plusSeconds(600));
				actions.start(ref, null, member, t.plusSeconds(3600));
				resolve(ref, "已协调处理完毕", member, t.plusSeconds(86_400));
				close(ref, (n % 2 == 0) ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED, member,
						t.plusSeconds(172_800));
			}
		}
	}

	/**
	 * The village committee's problem list for the week of the Monday given, entered the
	 * Friday before by the committee's clerk (or, without one, by the team member given).
	 */
	private void officialsList(VillageId village, LocalDate monday, AccountPrincipal fallback, ZoneId zone,
			String[][] items) {
		AccountPrincipal clerk = jdbc.sql(
				"select username from user_account where village_id = ? and 'COMMITTEE' = any(roles) order by id limit 1")
			.param(village.value())
			.query(String.class)
			.optional()
			.map((username) -> (AccountPrincipal) users.loadUserByUsername(username))
			.orElse(fallback);
		Instant friday = at(monday.minusWeeks(1), DayOfWeek.FRIDAY, 16, 0, zone);
		int k = 0;
		for (String[] item : items) {
			intake.record(RecordCase.of(village, item[1], item[0]).withSource(CaseSource.OFFICIALS_LIST), clerk,
					friday.plusSeconds(60L * k++));
		}
	}

	private String record(VillageId village, String title, String category, CaseType type, @Nullable String location,
			@Nullable String reporter, @Nullable String phone, AccountPrincipal me, Instant at) {
		RecordCase command = RecordCase.of(village, category, title)
			.withType(type)
			.withLocation(location)
			.withReporter(RecordCase.reporter(reporter, phone, null, false));
		return intake.record(command, me, at).reference();
	}

	private void assign(String ref, AssigneeKind kind, @Nullable MemberId memberId, @Nullable UnitId unitId,
			AccountPrincipal me, Instant at) {
		actions.assign(ref, new AssignCase(kind, memberId, unitId, null, null, null), me, at);
	}

	private void note(String ref, String text, int progress, boolean isPublic, AccountPrincipal me, Instant at) {
		actions.note(ref, new AddNote(text, isPublic, progress), me, at);
	}

	private void resolve(String ref, String result, AccountPrincipal me, Instant at) {
		actions.resolve(ref, new ResolveCase(result), me, at);
	}

	private void close(String ref, Satisfaction satisfaction, AccountPrincipal me, Instant at) {
		actions.close(ref, new CloseCase(satisfaction, "电话回访"), me, at);
	}

	private @Nullable UnitId unit(String code) {
		return jdbc.sql("select id from unit where code = ?")
			.param(code)
			.query(Long.class)
			.optional()
			.map(UnitId::of)
			.orElse(null);
	}

	private AccountPrincipal principal(MemberId memberId) {
		String username = jdbc.sql(
				"select username from user_account where member_id = ? and 'SECRETARY' = any(roles) order by id limit 1")
			.param(memberId.value())
			.query(String.class)
			.single();
		return (AccountPrincipal) users.loadUserByUsername(username);
	}

	private @Nullable AccountPrincipal principalOfTeam(Term term) {
		for (MemberId memberId : term.memberIds()) {
			List<String> usernames = jdbc
				.sql("select username from user_account where member_id = ? and 'SECRETARY' = any(roles)")
				.param(memberId.value())
				.query(String.class)
				.list();
			if (!usernames.isEmpty()) {
				return (AccountPrincipal) users.loadUserByUsername(usernames.get(0));
			}
		}
		return null;
	}

	private static Instant at(LocalDate monday, DayOfWeek day, int hour, int minute, ZoneId zone) {
		return monday.with(day).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
	}

	static Map<String, Object> none() {
		return Map.of();
	}

}
