package org.oneweek.casework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.oneweek.people.AccountId;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table "Cases: who may do what" in docs/SECURITY.md is the rule: each cell is
 * compared with {@link CaseAccess.Permission}, and each kind of person is put in front of
 * each kind of case to check the standing the table's "who" column gives them.
 */
@OneweekTest
class CaseAccessTableTest {

	static final Path SECURITY = Path.of("docs", "SECURITY.md");

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CaseFunding funding;

	@Autowired
	Cases cases;

	@Autowired
	CaseAccess access;

	@Autowired
	JdbcClient jdbc;

	/** The table as written: standing → the operations marked ✓. */
	static Map<Permission, Set<Operation>> table() throws IOException {
		List<String> lines = Files.readAllLines(SECURITY);
		int header = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("| standing | who |")) {
				header = i;
				break;
			}
		}
		assertThat(header).as("the table of case permissions in " + SECURITY).isNotNegative();
		String[] columns = cells(lines.get(header));
		Map<Permission, Set<Operation>> table = new EnumMap<>(Permission.class);
		for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
			String[] row = cells(lines.get(i));
			Permission permission = Permission.valueOf(row[0].replace("`", "").strip());
			Set<Operation> allowed = EnumSet.noneOf(Operation.class);
			for (int c = 2; c < columns.length; c++) {
				String cell = row[c].strip();
				assertThat(cell).as(permission + " " + columns[c]).isIn("✓", "–");
				if ("✓".equals(cell)) {
					allowed.add(Operation.valueOf(columns[c].strip()));
				}
			}
			table.put(permission, allowed);
		}
		return table;
	}

	private static String[] cells(String line) {
		String inner = line.strip();
		return inner.substring(1, inner.length() - 1).split("\\|", -1);
	}

	@Test
	void theCodeGrantsExactlyWhatTheTableSays() throws IOException {
		Map<Permission, Set<Operation>> table = table();
		assertThat(table.keySet()).containsExactlyInAnyOrder(Permission.values());
		List<String> operations = List
			.of(cells(Files.readAllLines(SECURITY)
				.stream()
				.filter((l) -> l.startsWith("| standing | who |"))
				.findFirst()
				.orElseThrow()))
			.subList(2, Operation.values().length + 2);
		assertThat(operations.stream().map(String::strip).toList())
			.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Operation.class).stream().map(Enum::name).toList());
		table.forEach((permission, allowed) -> assertThat(permission.operations()).as(permission.name())
			.containsExactlyInAnyOrderElementsOf(allowed));
	}

	@Test
	void eachPersonHasTheStandingTheTableGivesThem() {
		long village = fixtures.newVillage("HB");
		long otherVillage = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		Team previous = fixtures.team(village, monday.minusWeeks(1));
		Team team = fixtures.team(village, monday, previous);
		Team elsewhere = fixtures.team(otherVillage, monday, previous, team);
		// neither served on these teams (a member reads the cases of a village they
		// served)
		AccountPrincipal troubleshooter = fixtures.troubleshooter("HB", monday, previous, team, elsewhere);
		AccountPrincipal otherStreet = fixtures.troubleshooter("JA", monday, previous, team, elsewhere);
		long civilAffairs = jdbc.sql("select id from unit where code = 'MZJ'").query(Long.class).single();
		long otherUnit = jdbc.sql("select min(id) from unit where code <> 'MZJ'").query(Long.class).single();
		Instant t = team.tuesday();
		LocalDate day = LocalDate.ofInstant(t, CaseFixtures.ZONE);

		String earlier = record(village, "上周记下的", Urgency.NORMAL, previous.lead(), previous.tuesday());
		String normal = record(village, "路面坑洼", Urgency.NORMAL, team.lead(), t);
		String urgent = record(village, "石桥栏杆松动", Urgency.URGENT, team.lead(), t);
		String emergency = record(village, "电线落地", Urgency.EMERGENCY, team.lead(), t);
		String toTroubleshooter = record(village, "排水沟争议", Urgency.NORMAL, team.lead(), t);
		actions.assign(toTroubleshooter, AssignCase.to(AssigneeKind.TROUBLESHOOTER), team.lead(), t.plusSeconds(1));
		String toCommittee = record(village, "垃圾点满了", Urgency.NORMAL, team.lead(), t);
		actions.assign(toCommittee, AssignCase.to(AssigneeKind.COMMITTEE), team.lead(), t.plusSeconds(1));
		String referred = record(village, "养老金三个月未发", Urgency.NORMAL, team.lead(), t);
		actions.assign(referred, AssignCase.toUnit(UnitId.of(civilAffairs)), team.lead(), t.plusSeconds(1));

		Map<String, AccountPrincipal> people = new LinkedHashMap<>();
		people.put("admin", fixtures.principal("admin"));
		people.put("secretary of the village", team.people().get(1));
		people.put("secretary of another village", elsewhere.lead());
		people.put("secretary of an ended term", previous.lead());
		people.put("troubleshooter of the street", troubleshooter);
		people.put("troubleshooter of another street", otherStreet);
		people.put("committee of the village", committee(village));
		people.put("committee of another village", committee(otherVillage));
		people.put("unit with the referral", unit(civilAffairs));
		people.put("unit without the referral", unit(otherUnit));

		// person → case → standing, as the "who" column says
		Map<String, List<Permission>> expected = new LinkedHashMap<>();
		// columns: earlier, normal, urgent, emergency, toTroubleshooter, toCommittee,
		// referred
		expected.put("admin", List.of(Permission.FULL, Permission.FULL, Permission.FULL, Permission.FULL,
				Permission.FULL, Permission.FULL, Permission.FULL));
		expected.put("secretary of the village", List.of(Permission.TEAM, Permission.TEAM, Permission.TEAM,
				Permission.TEAM, Permission.TEAM, Permission.TEAM, Permission.TEAM));
		expected.put("secretary of another village", List.of(Permission.NONE, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.NONE));
		expected.put("secretary of an ended term", List.of(Permission.READ, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.NONE));
		expected.put("troubleshooter of the street", List.of(Permission.READ, Permission.READ, Permission.TEAM,
				Permission.TEAM, Permission.TEAM, Permission.READ, Permission.READ));
		expected.put("troubleshooter of another street", List.of(Permission.NONE, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.NONE));
		expected.put("committee of the village",
				List.of(Permission.COMMITTEE, Permission.COMMITTEE, Permission.COMMITTEE, Permission.COMMITTEE,
						Permission.COMMITTEE, Permission.COMMITTEE_ASSIGNED, Permission.COMMITTEE));
		expected.put("committee of another village", List.of(Permission.NONE, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.NONE));
		expected.put("unit with the referral", List.of(Permission.NONE, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.UNIT));
		expected.put("unit without the referral", List.of(Permission.NONE, Permission.NONE, Permission.NONE,
				Permission.NONE, Permission.NONE, Permission.NONE, Permission.NONE));

		List<String> refs = List.of(earlier, normal, urgent, emergency, toTroubleshooter, toCommittee, referred);
		List<String> wrong = new ArrayList<>();
		people.forEach((who, me) -> {
			for (int i = 0; i < refs.size(); i++) {
				Case c = cases.byReference(refs.get(i)).orElseThrow();
				Permission actual = access.permission(me, c, day);
				if (actual != expected.get(who).get(i)) {
					wrong.add(who + " on " + c.title() + ": " + actual + ", table: " + expected.get(who).get(i));
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void theTroubleshooterReadsButDoesNotWorkOnTheStreetsNormalCases() {
		long village = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		AccountPrincipal troubleshooter = fixtures.troubleshooter("HB", monday);
		Instant t = team.tuesday();
		String normal = record(village, "路灯不亮", Urgency.NORMAL, team.lead(), t);
		long events = cases.events(cases.byReference(normal).orElseThrow().id()).size();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> actions.decline(normal, "不归我管", troubleshooter, t.plusSeconds(5)))
			.isInstanceOf(CaseAccessDeniedException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> actions.note(normal, CaseCommands.AddNote.internalNote("看过了"), troubleshooter, t.plusSeconds(5)))
			.isInstanceOf(CaseAccessDeniedException.class);
		assertThat(cases.events(cases.byReference(normal).orElseThrow().id())).hasSize((int) events);
		// an urgent one is theirs
		String urgent = record(village, "桥面塌陷", Urgency.URGENT, team.lead(), t);
		actions.note(urgent, CaseCommands.AddNote.internalNote("已到现场"), troubleshooter, t.plusSeconds(5));
	}

	@Test
	void onlyTheDepartmentRecordsThatFundingWasApproved() {
		long village = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		Instant t = team.tuesday();
		String road = record(village, "修路", Urgency.NORMAL, team.lead(), t);
		CaseCommands.RequestFunding ask = new CaseCommands.RequestFunding(new java.math.BigDecimal("86000"), "区财政",
				null);
		funding.request(road, ask, team.lead(), t.plusSeconds(1));
		CaseCommands.ApproveFunding grant = new CaseCommands.ApproveFunding(new java.math.BigDecimal("86000"), "区财政",
				"区政府", null);
		for (AccountPrincipal notAllowed : List.of(team.lead(), committee(village),
				fixtures.troubleshooter("HB", monday))) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> funding.approve(road, grant, notAllowed, t.plusSeconds(2)))
				.isInstanceOf(CaseAccessDeniedException.class);
		}
		funding.approve(road, grant, fixtures.principal("admin"), t.plusSeconds(3));
		assertThat(cases.byReference(road).orElseThrow().fundingApproved()).isNotNull();
	}

	private String record(long village, String title, Urgency urgency, AccountPrincipal by, Instant at) {
		IntakeForm form = CaseFixtures.intake(village, title);
		form.setUrgency(urgency);
		return intake.record(form.toCommand(), by, at).reference();
	}

	private static AccountPrincipal committee(long villageId) {
		return new AccountPrincipal(AccountId.of(9_000_000 + villageId), "committee-test-" + villageId, null, "村委会",
				Set.of(Role.COMMITTEE), null, VillageId.of(villageId), null, true, false);
	}

	private static AccountPrincipal unit(long unitId) {
		return new AccountPrincipal(AccountId.of(9_100_000 + unitId), "unit-test-" + unitId, null, "单位",
				Set.of(Role.UNIT), null, null, UnitId.of(unitId), true, false);
	}

}
