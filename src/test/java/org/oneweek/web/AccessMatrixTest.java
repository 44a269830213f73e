package org.oneweek.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every route of the application (read from its own request mappings) against every kind
 * of person, as the table "Routes × roles" in docs/SECURITY.md says: allowed or refused,
 * and checked by what the request changed in the database, not only by its status. A
 * route without a row fails; so does a row for a route that no longer exists.
 */
@OneweekTest
class AccessMatrixTest {

	static final Path SECURITY = Path.of("docs", "SECURITY.md");

	static final String HEADER = "| route | example |";

	/** The columns of the table after route and example, in order. */
	static final List<String> ROLES = List.of("anonymous", "secretary", "secretary-elsewhere", "secretary-ended",
			"troubleshooter", "troubleshooter-elsewhere", "committee", "committee-elsewhere", "unit", "unit-other",
			"admin");

	/**
	 * Tables a refused or read request may touch: the failed-login count is for refusals.
	 */
	static final Set<String> BOOKKEEPING = Set.of("login_failure", "api_token", "bulletin_open311_key");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CasePhotos photos;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	private DatabaseChanges changes;

	/** A row of the table: the route, an example request and what each role gets. */
	record Row(String route, String example, Map<String, String> expected) {

	}

	static List<Row> table() throws IOException {
		List<String> lines = Files.readAllLines(SECURITY);
		int header = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(HEADER)) {
				header = i;
			}
		}
		assertThat(header).as("the routes × roles table in " + SECURITY).isNotNegative();
		List<String> columns = cells(lines.get(header));
		assertThat(columns.subList(2, columns.size())).containsExactlyElementsOf(ROLES);
		List<Row> rows = new ArrayList<>();
		for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
			List<String> row = cells(lines.get(i));
			Map<String, String> expected = new LinkedHashMap<>();
			for (int c = 0; c < ROLES.size(); c++) {
				String cell = row.get(c + 2);
				assertThat(cell).as(row.get(0) + " " + ROLES.get(c)).isIn("✓", "○", "✗", "404");
				expected.put(ROLES.get(c), cell);
			}
			rows.add(new Row(row.get(0).replace("`", ""), row.get(1).replace("`", ""), expected));
		}
		return rows;
	}

	private static List<String> cells(String line) {
		String inner = line.strip();
		List<String> cells = new ArrayList<>();
		for (String cell : inner.substring(1, inner.length() - 1).split("\\|", -1)) {
			cells.add(cell.strip().replace("\\\\", "\\"));
		}
		return cells;
	}

	/** Every route the application answers, as "METHOD /path/{var}". */
	Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					routes.add(method + " " + withoutRegex(pattern));
				}
			}
		}
		return routes;
	}

	/** {@code /c/{reference:[A-Z]{2,6}-…}} as {@code /c/{reference}}. */
	static String withoutRegex(String pattern) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c != '{') {
				out.append(c);
				i++;
				continue;
			}
			int j = i + 1;
			while (pattern.charAt(j) != ':' && pattern.charAt(j) != '}') {
				j++;
			}
			out.append(pattern, i, j).append('}');
			if (pattern.charAt(j) == ':') {
				int depth = 1;
				j++;
				while (depth > 0) {
					depth += (pattern.charAt(j) == '{') ? 1 : (pattern.charAt(j) == '}') ? -1 : 0;
					j++;
				}
				i = j;
			}
			else {
				i = j + 1;
			}
		}
		return out.toString();
	}

	@Test
	void everyRouteHasARowAndEveryRowARoute() throws IOException {
		Set<String> rows = new TreeSet<>(table().stream().map(Row::route).toList());
		Set<String> missing = new TreeSet<>(routes());
		missing.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(routes());
		assertThat(missing).as("routes without a row in docs/SECURITY.md (add them as its section says)").isEmpty();
		assertThat(stale).as("rows of docs/SECURITY.md for routes that do not exist").isEmpty();
	}

	@BeforeEach
	void watch() {
		changes = DatabaseChanges.install(jdbc);
	}

	/** What each role got on each route in this run, written out as the table's rows. */
	static final Map<String, Map<String, String>> OBSERVED = new java.util.concurrent.ConcurrentSkipListMap<>();

	@org.junit.jupiter.api.AfterAll
	static void writeObserved() throws IOException {
		List<String> lines = new ArrayList<>();
		for (Row row : table()) {
			Map<String, String> got = OBSERVED.getOrDefault(row.route(), Map.of());
			StringBuilder line = new StringBuilder(
					"| `" + row.route() + "` | `" + row.example().replace("|", "\\|") + "` |");
			for (String role : ROLES) {
				line.append(' ').append(got.getOrDefault(role, "?")).append(" |");
			}
			lines.add(line.toString());
		}
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "access-matrix-observed.md"), lines);
	}

	@TestFactory
	Stream<DynamicTest> everyRoleOnEveryRoute() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : table()) {
			for (String role : ROLES) {
				String expected = row.expected().get(role);
				tests.add(DynamicTest.dynamicTest(row.route() + " as " + role + " → " + expected,
						() -> check(row, role, expected)));
			}
		}
		return tests.stream();
	}

	/**
	 * Per row, the values used by requests expected to be refused: they change nothing.
	 */
	private final Map<String, Map<String, String>> refusedValues = new java.util.concurrent.ConcurrentHashMap<>();

	private void check(Row row, String role, String expected) throws Exception {
		AccessWorld world = world();
		boolean refusal = "✗".equals(expected) || "404".equals(expected);
		String example = world.resolve(row.example(), refusal
				? refusedValues.computeIfAbsent(row.route(), (r) -> new LinkedHashMap<>()) : new LinkedHashMap<>());
		boolean write = !example.startsWith("GET ") && !example.startsWith("HEAD ");
		AbstractMockHttpServletRequestBuilder<?> request = request(example);
		AccountPrincipal who = world.people.get(role);
		if (who != null) {
			request.with(user(who));
		}
		long mark = changes.mark();
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		List<String> changed = changes.since(mark, BOOKKEEPING);
		int status = response.getStatus();
		String location = String.valueOf(response.getRedirectedUrl());
		String said = example + " as " + role + ": " + status + " " + location + ", changed " + changed;
		boolean refused = status == 401 || status == 403 || (status == 302 && location.endsWith("/login"));
		OBSERVED.computeIfAbsent(row.route(), (r) -> new java.util.concurrent.ConcurrentHashMap<>())
			.put(role, (status >= 500) ? "5xx"
					: refused ? "✗" : (status == 404) ? "404" : (write && !changed.isEmpty()) ? "✓" : "○");
		if (Boolean.getBoolean("oneweek.matrix.record")) {
			return;
		}
		assertThat(status).as(said).isLessThan(500);
		switch (expected) {
			case "✗" -> {
				boolean toLogin = status == 302 && location.endsWith("/login");
				assertThat(status == 401 || status == 403 || toLogin).as(said + " (expected refused)").isTrue();
				assertThat(changed).as(said).isEmpty();
			}
			case "404" -> {
				assertThat(status).as(said).isEqualTo(404);
				assertThat(changed).as(said).isEmpty();
			}
			case "✓" -> {
				assertThat(status).as(said + " (expected allowed)").isLessThan(400);
				assertThat(location).as(said).doesNotEndWith("/login");
				if (write) {
					assertThat(changed).as(said + " (a write that was allowed changes something)").isNotEmpty();
				}
			}
			case "○" -> {
				assertThat(refused).as(said + " (expected not refused)").isFalse();
				if (!write) {
					assertThat(changed).as(said + " (a read changes nothing)").isEmpty();
				}
			}
			default -> throw new IllegalStateException(expected);
		}
	}

	/**
	 * "METHOD /path?query" (for POST the query is the form), "METHOD /path {json}", or
	 * "POST /path?query @part" (multipart, with a small JPEG as the part).
	 */
	static AbstractMockHttpServletRequestBuilder<?> request(String example) {
		int space = example.indexOf(' ');
		String method = example.substring(0, space);
		String rest = example.substring(space + 1);
		String file = null;
		int at = rest.indexOf(" @");
		if (at >= 0) {
			file = rest.substring(at + 2).strip();
			rest = rest.substring(0, at);
		}
		String json = null;
		int body = rest.indexOf(" {");
		if (body >= 0) {
			json = rest.substring(body + 1);
			rest = rest.substring(0, body);
		}
		String path = rest;
		String query = null;
		int q = rest.indexOf('?');
		if (q >= 0) {
			path = rest.substring(0, q);
			query = rest.substring(q + 1);
		}
		boolean post = !"GET".equals(method) && !"ANY".equals(method);
		java.net.URI uri = java.net.URI.create(path + ((query != null && !post) ? "?" + query : ""));
		AbstractMockHttpServletRequestBuilder<?> request = (file != null)
				? MockMvcRequestBuilders.multipart(uri)
					.file(new org.springframework.mock.web.MockMultipartFile(file, "photo.jpg", "image/jpeg",
							TestImages.jpeg()))
				: MockMvcRequestBuilders.request("ANY".equals(method) ? "GET" : method, uri);
		if (post && query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				String name = java.net.URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair,
						java.nio.charset.StandardCharsets.UTF_8);
				String value = (eq >= 0)
						? java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)
						: "";
				request.param(name, value);
			}
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		if (post) {
			request.with(csrf());
		}
		return request;
	}

	// ---- the world the rows name
	// -------------------------------------------------------

	private static AccessWorld world;

	private synchronized AccessWorld world() {
		if (world == null) {
			world = new AccessWorld(jdbc, fixtures, intake, actions, photos, accounts, clock);
		}
		return world;
	}

}
