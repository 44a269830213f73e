package org.oneweek.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CasePhotos;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every form and API operation of the route table (docs/SECURITY.md), sent by someone
 * allowed to use it, with its values replaced by what jqwik generates: text with NUL,
 * lone surrogates, right-to-left overrides and emoji, strings of a megabyte, numbers
 * where text belongs and text where numbers do, dates beyond the calendar, broken and
 * mistyped JSON, unknown and repeated fields, uploads that are not images. The answer is
 * never 5xx, and a refusal (4xx) leaves the database as it was: nothing half-written.
 * Bounded: a few tries per operation ({@code -Doneweek.fuzz.tries}), reproducible with
 * {@code -Doneweek.fuzz.seed}.
 */
@OneweekTest
class EveryInputFuzzTest {

	static final long SEED = Long.getLong("oneweek.fuzz.seed", 20261202L);

	static final int TRIES = Integer.getInteger("oneweek.fuzz.tries", 3);

	static final String MEGABYTE = "x".repeat(1 << 20);

	/** Values no form expects, in the kinds the issue names. */
	static final Arbitrary<String> NASTY = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
			Arbitraries.strings()
				.withChars('\u0000', '\u202E', '\u200F', '\u061C', '\uD800', '\uDFFF', '\uFEFF', '\'', '"', '<', '%',
						'中', '\n')
				.ofMinLength(1)
				.ofMaxLength(20),
			Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map((s) -> s + "😀👨‍👩‍👧"),
			Arbitraries.of(MEGABYTE, "中".repeat(400_000)),
			Arbitraries.of("+1000000-01-01", "-999999-12-31", "2026-02-30", "2026-13-01", "0000-00-00", "10000-01-01",
					"2026-03-02T25:00:00", "-1", "0", "2147483648", "99999999999999999999", "1e309", "NaN", "-0.0",
					"true", "null", "[]", "{}", "", " ", "QX-2026-", "'; drop table case_file; --",
					"<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "ROADS\u0000"),
			Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf));

	static final Map<String, AtomicInteger> FIGURES = new ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

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

	private static AccessWorld world;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void watch() {
		changes = DatabaseChanges.install(jdbc);
		synchronized (EveryInputFuzzTest.class) {
			if (world == null) {
				world = new AccessWorld(jdbc, fixtures, intake, actions, photos, accounts, clock);
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyOperationTakesWhateverItIsSent() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (AccessMatrixTest.Row row : AccessMatrixTest.table()) {
			boolean takesInput = row.example().startsWith("POST ") || row.example().contains("?");
			if (!takesInput) {
				continue;
			}
			String role = AccessMatrixTest.ROLES.stream()
				.filter((r) -> !"anonymous".equals(r))
				.filter((r) -> List.of("✓", "○").contains(row.expected().get(r)))
				.findFirst()
				.orElse("anonymous");
			for (int t = 0; t < TRIES; t++) {
				long seed = SEED ^ row.route().hashCode() * 31L + t;
				tests.add(DynamicTest.dynamicTest(row.route() + " as " + role + " #" + t + " (seed " + seed + ")",
						() -> fuzz(row, role, seed)));
			}
		}
		return tests.stream();
	}

	private void fuzz(AccessMatrixTest.Row row, String role, long seed) throws Exception {
		Random random = new Random(seed);
		// jqwik's own source of randomness for this thread, so that a seed repeats a try
		SourceOfRandomness.create(Long.toString(seed));
		String example = world.resolve(row.example(), new LinkedHashMap<>());
		int space = example.indexOf(' ');
		String method = example.substring(0, space);
		String rest = example.substring(space + 1);
		String file = null;
		int at = rest.indexOf(" @");
		if (at >= 0) {
			file = rest.substring(at + 2).strip();
			rest = rest.substring(0, at);
		}
		String body = null;
		int brace = rest.indexOf(" {");
		if (brace >= 0) {
			body = rest.substring(brace + 1);
			rest = rest.substring(0, brace);
		}
		String path = rest;
		Map<String, List<String>> params = new LinkedHashMap<>();
		int q = rest.indexOf('?');
		if (q >= 0) {
			path = rest.substring(0, q);
			for (String pair : rest.substring(q + 1).split("&")) {
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
				String value = (eq >= 0) ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
				params.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
			}
		}
		String kind;
		// the values, one or more of them replaced
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			if (random.nextInt(3) > 0) {
				param.setValue(new ArrayList<>(List.of(nasty(random))));
			}
		}
		if (random.nextInt(4) == 0) {
			params.computeIfAbsent(params.isEmpty() ? "q" : params.keySet().iterator().next(), (n) -> new ArrayList<>())
				.add(nasty(random));
		}
		kind = params.isEmpty() ? "path" : "form";
		if (body != null) {
			body = random.nextInt(3) == 0 ? brokenJson(body, random) : mistypedJson(body, random);
			kind = "json";
		}
		boolean post = "POST".equals(method);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (file != null) {
			byte[] bytes = new byte[random.nextInt(2048)];
			random.nextBytes(bytes);
			request = MockMvcRequestBuilders.multipart(URI.create(path))
				.file(new MockMultipartFile(file, nasty(random), random.nextBoolean() ? "image/jpeg" : nasty(random),
						random.nextBoolean() ? bytes : TestImages.jpeg()));
			kind = "multipart";
		}
		else {
			request = MockMvcRequestBuilders.request(post ? "POST" : "GET", URI.create(path));
		}
		params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		if (post) {
			request.with(csrf());
		}
		AccountPrincipal who = world.people.get(role);
		if (who != null) {
			request.with(user(who));
		}
		long mark = changes.mark();
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		List<String> changed = changes.since(mark, AccessMatrixTest.BOOKKEEPING);
		int status = response.getStatus();
		FIGURES.computeIfAbsent("inputs", (k) -> new AtomicInteger()).incrementAndGet();
		FIGURES.computeIfAbsent("inputs " + kind, (k) -> new AtomicInteger()).incrementAndGet();
		FIGURES.computeIfAbsent("answers " + (status / 100) + "xx", (k) -> new AtomicInteger()).incrementAndGet();
		String said = method + " " + path + " " + abbreviate(params.toString()) + " " + abbreviate(String.valueOf(body))
				+ " as " + role + ": " + status + ", changed " + changed;
		assertThat(status).as(said).isLessThan(500);
		if (status >= 400) {
			assertThat(changed).as(said + " (refused, so nothing may be written)").isEmpty();
		}
	}

	private static String nasty(Random random) {
		// outside a jqwik property: sampled from jqwik's source of randomness, seeded per
		// try
		return NASTY.sample();
	}

	/** The body cut short, or not JSON at all, or nested past any sense. */
	private static String brokenJson(String body, Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> body.substring(0, random.nextInt(body.length()));
			case 1 -> "[".repeat(10_000);
			case 2 -> "{\"a\":" + "1".repeat(400) + "e999999}";
			case 3 -> body.replace("\"", "'");
			default -> nasty(random);
		};
	}

	/**
	 * The body's fields with values of another type, or nasty text, and one field
	 * unknown.
	 */
	private String mistypedJson(String body, Random random) {
		JsonNode node = json.readTree(body);
		if (!(node instanceof ObjectNode object)) {
			return body;
		}
		List<String> names = new ArrayList<>(object.propertyNames());
		for (String name : names) {
			switch (random.nextInt(5)) {
				case 0 -> object.put(name, nasty(random));
				case 1 -> object.put(name, random.nextLong());
				case 2 -> object.putArray(name).add(nasty(random));
				case 3 -> object.putObject(name).put("x", nasty(random));
				default -> object.putNull(name);
			}
		}
		object.put("unknown" + random.nextInt(100), nasty(random));
		// lone surrogates survive only as escapes
		return escapeSurrogates(json.writeValueAsString(object));
	}

	private static String escapeSurrogates(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
	}

	@AfterAll
	static void writeFigures() throws IOException {
		Files.createDirectories(Path.of("target"));
		List<String> lines = new ArrayList<>();
		new java.util.TreeMap<>(FIGURES).forEach((k, v) -> lines.add(k + ": " + v.get()));
		Files.write(Path.of("target", "fuzz-figures.txt"), lines);
	}

}
