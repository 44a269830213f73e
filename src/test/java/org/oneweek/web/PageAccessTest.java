package org.oneweek.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

	static final List<String> EVERYONE = List.of("/", "/account");

	static final List<String> ADMIN_ONLY = List.of("/places", "/places/districts/new", "/places/townships/new",
			"/places/townships/{township}/edit", "/places/villages/new", "/places/villages/{village}",
			"/places/villages/{village}/edit", "/members", "/members?q=陈", "/members/new", "/members/{member}",
			"/members/{member}/edit", "/units", "/accounts", "/accounts/new", "/imports/places", "/imports/members",
			"/imports/places/template.csv");

	static final List<String> ROLES = List.of("admin", "secretary", "troubleshooter", "committee", "unit");

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
		pages.addAll(DIARY.keySet());
		return pages;
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
			.replace("{member}", String.valueOf(jdbc.sql("select min(id) from member").query(Long.class).single()));
	}

}
