package org.oneweek.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.people.AccountPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input no page or program should send, sent anyway: a NUL character anywhere (PostgreSQL
 * cannot store it), dates beyond the calendar, a merge without its target, {@code /error}
 * opened directly, an upload over the limit. Each is refused with a clear answer in the
 * caller's format and language, never a 500, and nothing is written.
 */
@OneweekTest
class BadInputTest {

	static final String NUL = "\u0000";

	/** Tables a refused request may still touch: none of the application's. */
	static final Set<String> NONE = Set.of();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	DatabaseChanges changes;

	String reference;

	AccountPrincipal secretary;

	@BeforeEach
	void aCaseOfTheDemoSecretary() {
		changes = DatabaseChanges.install(jdbc);
		secretary = fixtures.principal("secretary");
		reference = intake
			.record(CaseFixtures.intake(fixtures.villageId("DJ"), "路灯不亮，晚上看不清").toCommand(), secretary, clock.instant())
			.reference();
	}

	@Test
	void aNulInASearchOrAnExportIsABadRequest() throws Exception {
		for (String page : new String[] { "/cases", "/cases/export.csv", "/cases/export.xlsx", "/cases/ledger" }) {
			mvc.perform(get(page).param("q", "垃圾" + NUL).with(user(secretary))).andExpect(status().isBadRequest());
		}
		mvc.perform(get("/api/v1/cases").param("q", NUL).with(user(secretary))).andExpect(status().isBadRequest());
	}

	@Test
	void aNulInAFormChangesNothing() throws Exception {
		long mark = changes.mark();
		mvc.perform(post("/cases/" + reference + "/note").with(csrf())
			.with(user(secretary))
			.param("text", "已联系" + NUL + "电工")
			.param("progress", "10")).andExpect(status().isBadRequest());
		mvc.perform(post("/cases/new").with(csrf())
			.with(user(secretary))
			.param("villageId", String.valueOf(fixtures.villageId("DJ")))
			.param("category", "OTHER")
			.param("title", "标题" + NUL)
			.param("description", "说明")).andExpect(status().isBadRequest());
		assertThat(changes.since(mark)).isEmpty();
	}

	@Test
	void aNulInTheApiIsAProblemDetailAndChangesNothing() throws Exception {
		long mark = changes.mark();
		String body = """
				{"villageId": %d, "category": "OTHER", "title": "井盖\\u0000丢了", "description": "路口"}"""
			.formatted(fixtures.villageId("DJ"));
		mvc.perform(post("/api/v1/cases").with(user(secretary))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isBadRequest());
		assertThat(changes.since(mark)).isEmpty();
		// an escaped backslash before "u0000" is text, not a NUL
		mvc.perform(post("/api/v1/cases/" + reference + "/notes").with(user(secretary))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"路径 C:\\\\u0000 不是控制字符\"}")).andExpect(status().is2xxSuccessful());

		HttpResponse<String> real = send(HttpRequest.newBuilder(uri("/api/v1/cases?lang=en"))
			.header("Authorization", basic("secretary"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(real.statusCode()).isEqualTo(400);
		assertThat(real.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(real.body()).contains("\"status\":400").contains("U+0000").doesNotContain("Exception");
	}

	@Test
	void aNulFromTheStreetOrFromOpen311IsRefusedInTheirFormat() throws Exception {
		long mark = changes.mark();
		WebClient villager = new WebClient(port);
		HttpResponse<String> page = villager.get("/c/" + reference + "/follow-up");
		HttpResponse<String> followUp = villager.post("/c/" + reference + "/follow-up",
				Map.of("_csrf", WebClient.csrf(page.body()), "kind", "NOT_FIXED", "text", "还是" + NUL + "不亮"));
		assertThat(followUp.statusCode()).isEqualTo(400);
		assertThat(followUp.body()).contains("U+0000").contains("返回首页");

		HttpResponse<String> open311 = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("api_key=oneweek-demo-open311&service_code=OTHER&description=%E6%B0%B4" + "%00"
						+ "&lat=1&long=1")));
		assertThat(open311.statusCode()).isEqualTo(400);
		assertThat(open311.body()).startsWith("[{\"code\":400,\"description\":");
		HttpResponse<String> xml = send(HttpRequest.newBuilder(uri("/open311/v2/requests.xml?status=open%00")).GET());
		assertThat(xml.statusCode()).isEqualTo(400);
		assertThat(xml.body()).contains("<errors>").contains("<code>400</code>");
		assertThat(changes.since(mark)).isEmpty();
	}

	@Test
	void datesBeyondTheCalendarAreRefusedOrIgnoredNeverA500() throws Exception {
		// the ledger's filters ignore what does not convert
		mvc.perform(get("/cases").param("to", "+1000000-01-01").with(user(secretary))).andExpect(status().isOk());
		mvc.perform(get("/cases/export.csv").param("from", "-999999-01-01").with(user(secretary)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/cases").param("to", "+1000000-01-01").with(user(secretary)))
			.andExpect(status().isOk());
		mvc.perform(get("/diary/+1000000-01-01").with(user(secretary))).andExpect(status().isBadRequest());
		mvc.perform(get("/diary/compliance").param("from", "+1000000-01-01").with(user(fixtures.principal("admin"))))
			.andExpect(status().isBadRequest());

		HttpResponse<String> open311 = send(
				HttpRequest.newBuilder(uri("/open311/v2/requests.json?start_date=%2B1000000-01-01T00:00:00Z")).GET());
		assertThat(open311.statusCode()).isEqualTo(400);
		assertThat(open311.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(open311.body()).startsWith("[{\"code\":400,\"description\":\"start_date");
		HttpResponse<String> day = send(
				HttpRequest.newBuilder(uri("/open311/v2/requests.xml?end_date=9999999-12-31")).GET());
		assertThat(day.statusCode()).isEqualTo(400);
		assertThat(day.body()).contains("<errors>").contains("end_date");
	}

	@Test
	void aMergeWithoutItsTargetIsExplainedAndChangesNothing() throws Exception {
		long mark = changes.mark();
		mvc.perform(post("/cases/" + reference + "/merge").with(csrf()).with(user(secretary)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/api/v1/cases/" + reference + "/merge").with(user(secretary))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"重复\"}")).andExpect(status().isUnprocessableContent());
		assertThat(changes.since(mark)).isEmpty();
		assertThat(jdbc.sql("select state from case_file where reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo("RECEIVED");
	}

	@Test
	void theErrorPageOpenedDirectlyIsNotFound() throws Exception {
		HttpResponse<String> direct = send(HttpRequest.newBuilder(uri("/error")).GET());
		assertThat(direct.statusCode()).isEqualTo(404);
		assertThat(direct.body()).contains("找不到这个页面").doesNotContain("999");
		HttpResponse<String> api = send(
				HttpRequest.newBuilder(uri("/error")).header("Accept", "application/json").GET());
		assertThat(api.statusCode()).isEqualTo(404);
	}

	@Test
	void anUploadOverTheLimitIsAPageInThePersonsLanguage() throws Exception {
		WebClient client = new WebClient(port);
		client.login("secretary", "oneweek-demo");
		String token = WebClient.csrf(client.get("/cases/" + reference).body());
		String boundary = "----oneweek" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + 17 * 1024 * 1024 + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
		long mark = changes.mark();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/cases/" + reference + "/photos"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("文件太大").contains("16 MB").doesNotContain("Apache Tomcat");
		assertThat(changes.since(mark)).isEmpty();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String basic(String username) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":oneweek-demo").getBytes(StandardCharsets.UTF_8));
	}

}
