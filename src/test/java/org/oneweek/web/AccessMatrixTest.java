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
		World world = world();
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
			case "✓", "○" -> {
				assertThat(status).as(said + " (expected allowed)").isLessThan(400);
				assertThat(location).as(said).doesNotEndWith("/login");
				if (write && "✓".equals(expected)) {
					assertThat(changed).as(said + " (a write that was allowed changes something)").isNotEmpty();
				}
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

	private static World world;

	private synchronized World world() {
		if (world == null) {
			world = new World();
		}
		return world;
	}

	/**
	 * The demo's 东江村 this week and the people around it, and fresh records on demand: a
	 * placeholder in an example ({case}, {village}, …) is replaced by a value, made
	 * afresh for each request where a request could use it up.
	 */
	final class World {

		final Map<String, AccountPrincipal> people = new LinkedHashMap<>();

		final Map<String, Supplier<String>> values = new LinkedHashMap<>();

		final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

		final long dj = fixtures.villageId("DJ");

		final long civilAffairs = jdbc.sql("select id from unit where code = 'MZJ'").query(Long.class).single();

		World() {
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
			long djTownship = jdbc.sql("select township_id from village where id = ?")
				.param(dj)
				.query(Long.class)
				.single();
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
			values.put("ended-term", () -> String.valueOf(jdbc
				.sql("select id from term where village_id = ? and week_start < ? order by week_start desc limit 1")
				.params(dj, monday)
				.query(Long.class)
				.single()));
			values.put("handover", () -> String
				.valueOf(jdbc.sql("select coalesce(max(id), 0) from case_handover").query(Long.class).single()));
			values.put("member",
					() -> String.valueOf(jdbc.sql("select max(id) from member").query(Long.class).single()));
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
				accounts.create(new CreateAccount(username, "另一单位", Set.of(Role.UNIT), null, null, unit,
						"matrix-other-unit-pass"), "admin");
			}
			return fixtures.principal(username);
		}

	}

}
