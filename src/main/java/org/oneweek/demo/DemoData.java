package org.oneweek.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Accounts;
import org.oneweek.people.AddUnavailability;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.CreateUnit;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.MemberManagement;
import org.oneweek.people.Role;
import org.oneweek.people.SaveMember;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.oneweek.places.CreateDistrict;
import org.oneweek.places.CreateTownship;
import org.oneweek.places.CreateVillage;
import org.oneweek.places.DistrictId;
import org.oneweek.places.Coordinates;
import org.oneweek.places.Geography;
import org.oneweek.places.PlaceManagement;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterManagement;
import org.oneweek.roster.Terms;
import org.oneweek.roster.VillageSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo district once, and on every start makes sure the weeks around today are
 * staffed, so the demo secretary and troubleshooter always have a term this week. Refuses
 * to touch a database that holds anything but demo data.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "oneweek-demo";

	private static final String ACTOR = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The steps of loading, as readiness counts them. */
	static final int STEPS = 4;

	/** Three streets of four villages; 东江村 (3,700 people on the river) is the first. */
	private static final String[][] STREETS = {
			{ "JA", "江岸街道", "DJ:东江村:3700:1210:刘芳:025-85401101", "HW:河湾村:1850:640:马建平:025-85401102",
					"LS:柳树村:1420:500:何丽:025-85401103", "XG:新港社区:2600:980:唐明:025-85401104" },
			{ "QS", "青山街道", "SQ:石桥村:2100:730:宋红梅:025-85402101", "TY:桃园村:1300:450:韩东:025-85402102",
					"SP:山坡村:980:360:冯玉兰:025-85402103", "QF:青峰社区:3100:1150:曹磊:025-85402104" },
			{ "HB", "湖滨街道", "HK:湖口村:1650:590:彭静:025-85403101", "YW:渔湾村:1200:430:蒋海:025-85403102",
					"LT:芦塘村:1560:540:沈秀英:025-85403103", "BS:滨水社区:2800:1040:田志强:025-85403104" } };

	/**
	 * 39 members: name, gender, birth year, retired, street index of home, skills. The
	 * first four are the story's 陈 (team lead), 赵, 孙 and 周 (troubleshooter).
	 */
	private static final String[] MEMBERS = { "陈国华:M:1960:Y:0:退休教师，熟悉村情", "赵建军:M:1972:N:0:水利工程",
			"孙丽娟:F:1978:N:0:社会保障政策", "周文斌:M:1968:N:0:街道协调，应急处置", "李明:M:1965:Y:1:农业技术", "王秀兰:F:1963:Y:1:调解邻里纠纷",
			"张伟:M:1980:N:1:道路交通", "刘洋:M:1985:N:2:环境卫生", "杨桂英:F:1959:Y:2:妇女工作", "黄海涛:M:1970:N:2:财务",
			"吴静:F:1982:N:0:法律咨询", "徐志刚:M:1966:Y:0:建筑施工", "朱红:F:1975:N:1:医疗卫生", "胡斌:M:1962:Y:1:退休干部",
			"郭晓燕:F:1988:N:2:信息化", "何建国:M:1958:Y:2:老党员，群众工作", "高敏:F:1979:N:0:社区服务", "林涛:M:1983:N:0:治安",
			"罗平:M:1964:Y:1:供排水", "郑丽:F:1976:N:1:教育", "梁军:M:1969:N:2:农业", "谢芳:F:1981:N:2:民政", "宋强:M:1961:Y:0:桥梁养护",
			"唐亮:M:1974:N:0:规划", "许秀珍:F:1960:Y:1:退休护士", "韩磊:M:1986:N:1:电力", "冯娟:F:1977:N:2:调解", "邓伟:M:1967:Y:2:水产养殖",
			"曹刚:M:1971:N:0:安全生产", "彭艳:F:1984:N:0:社会保障", "曾勇:M:1963:Y:1:老干部", "肖红梅:F:1973:N:1:统计", "田鹏:M:1987:N:2:青年志愿者",
			"董建华:M:1962:Y:2:退休工程师", "袁丽:F:1980:N:0:文化宣传", "潘国强:M:1966:Y:1:村务监督", "蔡敏:F:1983:N:1:卫生",
			"余斌:M:1975:N:2:交通运输", "杜秀英:F:1961:Y:2:老年工作" };

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PlaceManagement places;

	private final MemberManagement members;

	private final Units units;

	private final Accounts accounts;

	private final RosterManagement roster;

	private final Terms terms;

	private final VillageSchedules schedules;

	private final Clock clock;

	private final Geography geography;

	private final DemoReadiness readiness;

	DemoData(JdbcClient jdbc, TransactionTemplate transactions, PlaceManagement places, MemberManagement members,
			Units units, Accounts accounts, RosterManagement roster, Terms terms, VillageSchedules schedules,
			Clock clock, Geography geography, DemoReadiness readiness) {
		this.geography = geography;
		this.readiness = readiness;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.places = places;
		this.members = members;
		this.units = units;
		this.accounts = accounts;
		this.roster = roster;
		this.terms = terms;
		this.schedules = schedules;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		log.info("Loading the demo data: /actuator/health/readiness answers OUT_OF_SERVICE until it is done");
		readiness.begin(STEPS);
		try {
			load();
		}
		catch (RuntimeException ex) {
			readiness.failed(ex.getMessage());
			throw ex;
		}
		readiness.done();
		log.info("Demo data ready after {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		transactions.executeWithoutResult((status) -> {
			jdbc.sql("select pg_advisory_xact_lock(4242)").query().singleRow();
			long nonDemoAccounts = jdbc.sql("select count(*) from user_account where not demo")
				.query(Long.class)
				.single();
			long demoAccounts = jdbc.sql("select count(*) from user_account where demo").query(Long.class).single();
			long places = jdbc.sql("select count(*) from district").query(Long.class).single();
			if (nonDemoAccounts > 0 || (demoAccounts == 0 && places > 0)) {
				throw new IllegalStateException("The demo profile refuses to start: this database holds data that is "
						+ "not the demo's. Start without the demo profile, or point oneweek at an empty database.");
			}
			readiness.step(1, "the district, its members and accounts");
			if (demoAccounts == 0) {
				log.info("Seeding the demo district");
				seed();
			}
			readiness.step(2, "the teams of the weeks around today");
			staffWeeksAroundToday();
			readiness.step(3, "the villages' schedules");
			scheduleVillages();
			readiness.step(4, "the villages on the map");
			mapVillages();
		});
	}

	private void seed() {
		DistrictId district = places.createDistrict(new CreateDistrict("QXD", "栖湖区（示例）", "QX"), ACTOR);
		int townshipNumber = 0;
		for (String[] street : STREETS) {
			townshipNumber++;
			TownshipId township = places.createTownship(new CreateTownship(district, street[0], street[1],
					Township.Kind.STREET, 30000 + townshipNumber * 7000), ACTOR);
			for (int i = 2; i < street.length; i++) {
				String[] v = street[i].split(":");
				boolean community = v[1].endsWith("社区");
				String notes = "DJ".equals(v[0]) ? "沿江村，村内有老石桥，周末垂钓者多" : null;
				places.createVillage(new CreateVillage(township, v[0], v[1],
						community ? Village.Kind.COMMUNITY : Village.Kind.VILLAGE, Integer.valueOf(v[2]),
						Integer.valueOf(v[3]), v[4], v[5], street[1] + v[1], notes, true), ACTOR);
			}
		}
		List<TownshipId> townshipIds = Ids.all(jdbc.sql("select id from township order by id").query(Long.class).list(),
				TownshipId::of);
		List<MemberId> memberIds = new ArrayList<>();
		int n = 0;
		for (String entry : MEMBERS) {
			String[] m = entry.split(":");
			n++;
			memberIds.add(members.create(new SaveMember(m[0], Member.Gender.valueOf(m[1]), Integer.valueOf(m[2]),
					"Y".equals(m[3]), String.format("139%08d", 25000000 + n * 1013),
					townshipIds.get(Integer.parseInt(m[4])), null, m[5], null, true), ACTOR));
		}
		LocalDate monday = Weeks.mondayOf(LocalDate.now(clock));
		members.addUnavailability(memberIds.get(10),
				new AddUnavailability(monday.plusWeeks(2), monday.plusWeeks(2).plusDays(4), "外出探亲"), ACTOR);
		UnitId civilAffairs = units.create(new CreateUnit("MZJ", "区民政局", "钱科长", "025-85409001"), ACTOR);
		units.create(new CreateUnit("JTJ", "区交通运输局", "孙主任", "025-85409002"), ACTOR);
		units.create(new CreateUnit("SWJ", "区水务局", "李工", "025-85409003"), ACTOR);
		units.create(new CreateUnit("JAJD", "江岸街道办事处", "吴主任", "025-85409004"), ACTOR);
		account("admin", "王敏（组织部）", Set.of(Role.ORG_ADMIN), null, null, null);
		account("secretary", "陈国华", Set.of(Role.SECRETARY), memberIds.get(0), null, null);
		account("troubleshooter", "周文斌", Set.of(Role.TROUBLESHOOTER, Role.SECRETARY), memberIds.get(3), null, null);
		account("unit", "钱科长（区民政局）", Set.of(Role.UNIT), null, null, civilAffairs);
		account("monitoring", "Prometheus（监控）", Set.of(Role.MONITORING), null, null, null);
		List<Village> villages = jdbc.sql("select id, township_id, code, name from village order by id")
			.query((rs, i) -> new Village(VillageId.of(rs.getLong("id")), TownshipId.of(rs.getLong("township_id")),
					rs.getString("code"), rs.getString("name"), Village.Kind.VILLAGE, null, null, null, null, null,
					null, true))
			.list();
		for (Village village : villages) {
			String username = "DJ".equals(village.code()) ? "committee" : "committee-" + village.code().toLowerCase();
			String name = "DJ".equals(village.code()) ? "刘芳（东江村村委会）" : village.name() + "村委会";
			account(username, name, Set.of(Role.COMMITTEE), null, village.id(), null);
		}
		for (int i = 4; i < memberIds.size(); i++) {
			String username = "member" + (i + 1);
			account(username, MEMBERS[i].split(":")[0], Set.of(Role.SECRETARY, Role.TROUBLESHOOTER), memberIds.get(i),
					null, null);
		}
	}

	/**
	 * Once: the demo's villages on the map, north of the river east of 南京 (the phone
	 * numbers' 025): each street a row of four villages, each village an irregular
	 * octagon of about 2.5 km across, 东江村 in the north-west, streets drawn around them.
	 */
	private void mapVillages() {
		if (!geography.villages().isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		List<Long> townships = jdbc.sql("select id from township order by id").query(Long.class).list();
		for (int t = 0; t < townships.size(); t++) {
			List<Long> villages = jdbc.sql("select id from village where township_id = ? order by id")
				.param(townships.get(t))
				.query(Long.class)
				.list();
			double rowLat = 32.125 - t * 0.028;
			for (int v = 0; v < villages.size(); v++) {
				double lon = 118.985 + v * 0.03;
				StringBuilder ring = new StringBuilder();
				String first = null;
				for (int k = 0; k < 8; k++) {
					double angle = Math.PI * 2 * k / 8 + 0.2;
					// a fixed wobble per village and corner, so the shapes look drawn,
					// not stamped
					double wobble = 0.8 + 0.2 * Math.abs(Math.sin((t * 7 + v * 3 + k) * 1.7));
					String point = String.format(java.util.Locale.ROOT, "[%.5f,%.5f]",
							lon + Math.cos(angle) * 0.0145 * wobble, rowLat + Math.sin(angle) * 0.0135 * wobble);
					ring.append((k > 0) ? "," : "").append(point);
					first = (k == 0) ? point : first;
				}
				ring.append(',').append(first);
				geography.setVillage(VillageId.of(villages.get(v)), new Coordinates(rowLat, lon),
						"{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}", ACTOR, now);
			}
			double west = 118.985 - 0.0155;
			double east = 118.985 + (Math.max(1, villages.size()) - 1) * 0.03 + 0.0155;
			double south = rowLat - 0.014;
			double north = rowLat + 0.014;
			String box = String.format(java.util.Locale.ROOT,
					"{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
					west, south, east, south, east, north, west, north, west, south);
			geography.setTownship(TownshipId.of(townships.get(t)), new Coordinates(rowLat, (west + east) / 2), box,
					ACTOR, now);
		}
	}

	private void account(String username, String displayName, Set<Role> roles, @Nullable MemberId memberId,
			@Nullable VillageId villageId, @Nullable UnitId unitId) {
		accounts.create(new CreateAccount(username, displayName, roles, memberId, villageId, unitId, PASSWORD), ACTOR,
				true);
	}

	/**
	 * Once: each village needs a team every fourth week, one village per street per week,
	 * in the same turn as the weeks staffed around today, open-ended.
	 */
	private void scheduleVillages() {
		if (!schedules.all().isEmpty()) {
			return;
		}
		LocalDate thisMonday = Weeks.mondayOf(LocalDate.now(clock));
		for (long townshipId : jdbc.sql("select id from township order by id").query(Long.class).list()) {
			List<Long> villages = jdbc.sql("select id from village where township_id = ? order by id")
				.param(townshipId)
				.query(Long.class)
				.list();
			for (int i = 0; i < villages.size(); i++) {
				schedules.create(VillageId.of(villages.get(i)), thisMonday.plusWeeks(i - villages.size()), null,
						villages.size(), ACTOR);
			}
		}
	}

	/**
	 * Each village is visited every fourth week, one village per street per week, by one
	 * of three groups of thirteen members in turn, so nobody serves two weeks running. In
	 * the current week 陈, 赵 and 孙 serve in 东江村 and 周 is the troubleshooter of 江岸街道, as in
	 * the story.
	 */
	private void staffWeeksAroundToday() {
		List<MemberId> memberIds = Ids.all(jdbc.sql("select id from member order by id").query(Long.class).list(),
				MemberId::of);
		List<Long> townshipIds = jdbc.sql("select id from township order by id").query(Long.class).list();
		if (memberIds.size() < 39 || townshipIds.size() < 3) {
			return;
		}
		LocalDate thisMonday = Weeks.mondayOf(LocalDate.now(clock));
		for (int offset = -3; offset <= 4; offset++) {
			LocalDate monday = thisMonday.plusWeeks(offset);
			if (!terms.inWeek(monday).isEmpty() || !terms.dutiesInWeek(monday).isEmpty()) {
				continue;
			}
			int group = Math.floorMod(offset, 3);
			int rotation = Math.floorMod(offset, 13);
			List<MemberId> pool = new ArrayList<>();
			for (int i = 0; i < 13; i++) {
				int index = (offset == 0) ? i : (i + rotation) % 13;
				pool.add(memberIds.get(group * 13 + index));
			}
			for (int s = 0; s < 3; s++) {
				long townshipId = townshipIds.get(s);
				List<Long> villages = jdbc.sql("select id from village where township_id = ? order by id")
					.param(townshipId)
					.query(Long.class)
					.list();
				long villageId = villages.get(Math.floorMod(offset, villages.size()));
				List<MemberId> team = List.of(pool.get(s * 4), pool.get(s * 4 + 1), pool.get(s * 4 + 2));
				roster.createTerm(VillageId.of(villageId), monday, team, team.get(0));
				roster.assignTroubleshooter(TownshipId.of(townshipId), monday, pool.get(s * 4 + 3));
			}
		}
	}

}
