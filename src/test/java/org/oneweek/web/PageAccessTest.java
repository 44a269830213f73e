package org.oneweek.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oneweek.OneweekTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page so far, opened by every demo role and by someone not signed in: the server
 * decides, whatever the menu shows.
 */
@OneweekTest
class PageAccessTest {

	static final List<String> EVERYONE = List.of("/", "/account", "/my/roster");

	static final List<String> ADMIN_ONLY = List.of("/places", "/places/districts/new", "/places/townships/new",
			"/places/townships/{township}/edit", "/places/villages/new", "/places/villages/{village}",
			"/places/villages/{village}/edit", "/members", "/members?q=陈", "/members/new", "/members/{member}",
			"/members/{member}/edit", "/units", "/accounts", "/accounts/new", "/accounts/{account}/tokens",
			"/imports/places", "/imports/members", "/imports/places/template.csv", "/roster", "/roster/plan",
			"/roster/plan?township={township}", "/roster/schedules", "/roster/settings", "/roster/changes",
			"/imports/unavailability", "/imports/village-schedules", "/imports/village-schedules/template.csv");

	static final List<String> ROLES = List.of("admin", "secretary", "troubleshooter", "committee", "unit");

	/**
	 * The ledger's pages: expected status per role, in the order of {@link #ROLES}. The
	 * demo case is the culvert that last term's team in 东江村 handed over to 陈's team,
	 * referred to the water bureau (not the demo unit).
	 */
	static final Map<String, List<Integer>> CASEWORK = new LinkedHashMap<>();

	static {
		CASEWORK.put("/cases", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases?q=垃圾&open=true&page=1", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases?state=NONSENSE&from=yesterday", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases/mine", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases/new", List.of(200, 200, 200, 200, 403));
		CASEWORK.put("/cases/{case}", List.of(200, 200, 200, 200, 403));
		CASEWORK.put("/cases/QX-1999-99999", List.of(404, 404, 404, 404, 404));
		CASEWORK.put("/cases/ledger?village={dj}", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases/export.csv?village={dj}", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases/export.xlsx", List.of(200, 200, 200, 200, 200));
		CASEWORK.put("/cases/handovers/{handover}", List.of(200, 200, 403, 200, 403));
		CASEWORK.put("/cases/settings", List.of(200, 403, 403, 403, 403));
		CASEWORK.put("/imports/officials-list", List.of(403, 403, 403, 200, 403));
	}

	/**
	 * The committee's side of the board: its village's committee, this week's team, the
	 * department.
	 */
	static final List<String> BOARD_WORK = List.of("/bulletin/follow-ups", "/bulletin/tasks");

	static final List<String> ADMIN_BOARD = List.of("/bulletin/open311/keys");

	/** Open to anyone, signed in or not. */
	static final List<String> PUBLIC = List.of("/board/DJ", "/board/DJ/poster", "/board/DJ/poster?size=A3",
			"/board/DJ/qr.svg", "/board/DJ/qr.png", "/c", "/open311/v2/discovery.xml", "/open311/v2/services.json");

	/**
	 * The diary's pages: per role (in the order of {@link #ROLES}) the status expected.
	 * The demo secretary serves in 东江村 this week; the troubleshooter is on duty, not on a
	 * team.
	 */
	static final Map<String, List<Integer>> DIARY = Map.of("/diary", List.of(200, 200, 200, 403, 403), "/diary/{today}",
			List.of(403, 200, 403, 403, 403), "/diary/meetings/new", List.of(403, 200, 403, 403, 403),
			"/diary/inspections/new", List.of(403, 200, 403, 403, 403), "/diary/compliance",
			List.of(200, 403, 403, 403, 403), "/diary/villages/{village}", List.of(200, 200, 403, 200, 403));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static List<Arguments> pagesAndRoles() {
		List<Arguments> cases = new ArrayList<>();
		for (String role : ROLES) {
			EVERYONE.forEach((page) -> cases.add(Arguments.of(role, page, 200)));
			ADMIN_ONLY.forEach((page) -> cases.add(Arguments.of(role, page, "admin".equals(role) ? 200 : 403)));
			CASEWORK
				.forEach((page, expected) -> cases.add(Arguments.of(role, page, expected.get(ROLES.indexOf(role)))));
			ADMIN_BOARD.forEach((page) -> cases.add(Arguments.of(role, page, "admin".equals(role) ? 200 : 403)));
			BOARD_WORK.forEach((page) -> cases
				.add(Arguments.of(role, page, List.of("admin", "secretary", "committee").contains(role) ? 200 : 403)));
			PUBLIC.forEach((page) -> cases.add(Arguments.of(role, page, 200)));
			DIARY.forEach((page, expected) -> cases.add(Arguments.of(role, page, expected.get(ROLES.indexOf(role)))));
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("pagesAndRoles")
	void eachRoleOpensOnlyItsPages(String username, String page, int expected) throws Exception {
		mvc.perform(get(resolve(page)).with(user(users.loadUserByUsername(username)))).andExpect(status().is(expected));
	}

	static List<String> protectedPages() {
		List<String> pages = new ArrayList<>(EVERYONE);
		pages.addAll(ADMIN_ONLY);
		pages.addAll(CASEWORK.keySet());
		pages.addAll(BOARD_WORK);
		pages.addAll(ADMIN_BOARD);
		pages.addAll(DIARY.keySet());
		return pages;
	}

	@ParameterizedTest(name = "anonymous {0}")
	@MethodSource("publicPages")
	void someoneNotSignedInOpensThePublicPages(String page) throws Exception {
		mvc.perform(get(page)).andExpect(status().isOk());
	}

	static List<String> publicPages() {
		return PUBLIC;
	}

	@ParameterizedTest(name = "anonymous {0}")
	@MethodSource("protectedPages")
	void someoneNotSignedInIsSentToLogin(String page) throws Exception {
		mvc.perform(get(resolve(page))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	private String resolve(String page) {
		return page.replace("{today}", LocalDate.now(clock).toString())
			.replace("{township}", String.valueOf(jdbc.sql("select min(id) from township").query(Long.class).single()))
			.replace("{village}", String.valueOf(jdbc.sql("select min(id) from village").query(Long.class).single()))
			.replace("{member}", String.valueOf(jdbc.sql("select min(id) from member").query(Long.class).single()))
			.replace("{account}", String.valueOf(
					jdbc.sql("select id from user_account where username = 'secretary'").query(Long.class).single()))
			.replace("{dj}",
					String.valueOf(jdbc.sql("select id from village where code = 'DJ'").query(Long.class).single()))
			.replace("{case}",
					jdbc.sql("select reference from case_file where title = '东江桥下涵洞漏水，雨天路面积水'")
						.query(String.class)
						.single())
			.replace("{handover}",
					String.valueOf(jdbc
						.sql("select h.id from case_handover h "
								+ "join village v on v.id = h.village_id where v.code = 'DJ' order by h.id limit 1")
						.query(Long.class)
						.single()));
	}

}
