package org.oneweek.casework;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.web.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API through the real server: Basic and session authentication, CSRF only for
 * sessions, idempotent intake, per-record access and problem details.
 */
@OneweekTest
class CaseApiTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	String body(String title) {
		return """
				{"villageId": %d, "source": "PHONE", "type": "HELP", "category": "SANITATION", "urgency": "NORMAL",
				 "title": "%s", "description": "电话反映", "reporterName": "钱多多", "reporterPhone": "13700007777"}"""
			.formatted(fixtures.villageId("DJ"), title);
	}

	HttpRequest.Builder request(String path, String username) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":oneweek-demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
	}

	HttpResponse<String> post(String path, String username, String body, String key) throws Exception {
		HttpRequest.Builder builder = request(path, username).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			builder.header("Idempotency-Key", key);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String username) throws Exception {
		return http.send(request(path, username).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aMachineClientRecordsACaseOnceHoweverOftenItRetries() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = post("/api/v1/cases", "secretary", body("API 垃圾桶满了"), key);
		assertThat(first.statusCode()).isEqualTo(201);
		JsonNode created = json.readTree(first.body());
		String reference = created.get("reference").asString();
		assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/cases/" + reference);
		assertThat(created.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(created.get("reporter").isNull()).isTrue();
		assertThat(json.readTree(get("/api/v1/cases/" + reference, "secretary").body())
			.get("reporter")
			.get("phone")
			.asString()).isEqualTo("13700007777");

		HttpResponse<String> again = post("/api/v1/cases", "secretary", body("API 垃圾桶满了"), key);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
		assertThat(json.readTree(again.body()).get("reference").asString()).isEqualTo(reference);
		assertThat(jdbc.sql("select count(*) from case_file where title = 'API 垃圾桶满了'").query(Long.class).single())
			.isEqualTo(1);

		HttpResponse<String> different = post("/api/v1/cases", "secretary", body("另一件事"), key);
		assertThat(different.statusCode()).isEqualTo(422);
		assertThat(different.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(different.body()).get("detail").asString()).contains("请求编号已用于另一份内容");

		HttpResponse<String> found = get("/api/v1/cases?q=" + java.net.URLEncoder.encode("垃圾桶", StandardCharsets.UTF_8)
				+ "&village=" + fixtures.villageId("DJ"), "secretary");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains(reference);
	}

	@Test
	void theTimelineAndTransitionsGoThroughTheApiWithTheSameRules() throws Exception {
		String reference = json.readTree(post("/api/v1/cases", "secretary", body("API 路灯"), null).body())
			.get("reference")
			.asString();
		HttpResponse<String> refused = post("/api/v1/cases/" + reference + "/resolve", "secretary",
				"{\"text\": \"修好了\"}", null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json.readTree(refused.body()).get("detail").asString()).contains("不能办结");
		assertThat(post("/api/v1/cases/" + reference + "/assign", "secretary", "{\"kind\": \"COMMITTEE\"}", null)
			.statusCode()).isEqualTo(200);
		assertThat(post("/api/v1/cases/" + reference + "/start", "committee", "{}", null).statusCode()).isEqualTo(200);
		HttpResponse<String> resolved = post("/api/v1/cases/" + reference + "/resolve", "committee",
				"{\"text\": \"更换灯泡\"}", null);
		assertThat(json.readTree(resolved.body()).get("state").asString()).isEqualTo("RESOLVED");
		HttpResponse<String> closed = post("/api/v1/cases/" + reference + "/close", "secretary",
				"{\"satisfaction\": \"SATISFIED\"}", null);
		assertThat(json.readTree(closed.body()).get("state").asString()).isEqualTo("CLOSED");
		HttpResponse<String> events = get("/api/v1/cases/" + reference + "/events?lang=en", "secretary");
		assertThat(events.body()).contains("\"RECEIVED\"", "\"ASSIGNED\"", "\"STARTED\"", "\"RESOLVED\"", "\"CLOSED\"");
		// the troubleshooter reads it without the reporter; a unit may not read it at all
		JsonNode forTroubleshooter = json.readTree(get("/api/v1/cases/" + reference, "troubleshooter").body());
		assertThat(forTroubleshooter.get("reporter").isNull()).isTrue();
		HttpResponse<String> forUnit = get("/api/v1/cases/" + reference, "unit");
		assertThat(forUnit.statusCode()).isEqualTo(403);
		assertThat(forUnit.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void badInputIsAProblemWithEveryBadField() throws Exception {
		HttpResponse<String> response = post("/api/v1/cases", "secretary",
				"{\"villageId\": %d, \"category\": \"OTHER\", \"title\": \"\", \"reporterPhone\": \"call me\"}"
					.formatted(fixtures.villageId("DJ")),
				null);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").toString()).contains("title", "reporterPhone");
		assertThat(post("/api/v1/cases", "secretary", "{not json", null).statusCode()).isEqualTo(400);
		HttpResponse<String> sevenDigits = post("/api/v1/cases", "secretary",
				body("API 七位电话").replace("13700007777", "8888666"), null);
		assertThat(sevenDigits.statusCode()).isEqualTo(422);
		assertThat(json.readTree(sevenDigits.body()).get("errors").toString()).contains("reporterPhone", "座机要带区号");
		HttpResponse<String> plus86 = post("/api/v1/cases", "secretary",
				body("API 国家代码电话").replace("13700007777", "+86 25 8540 1101"), null);
		assertThat(plus86.statusCode()).isEqualTo(201);
		assertThat(json
			.readTree(get("/api/v1/cases/" + json.readTree(plus86.body()).get("reference").asString(), "secretary")
				.body())
			.get("reporter")
			.get("phone")
			.asString()).isEqualTo("025-85401101");
		assertThat(get("/api/v1/cases/QX-1999-00001", "secretary").statusCode()).isEqualTo(404);
	}

	@Test
	void withoutCredentialsTheApiAnswers401AndNeverAsksTheBrowserForBasic() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void aBrowserSessionNeedsItsCsrfTokenToChangeAnything() throws Exception {
		WebClient browser = new WebClient(port);
		browser.login("secretary", "oneweek-demo");
		String session = browser.cookie("SESSION");
		HttpRequest.Builder withSession = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body("API 会话提交")));
		assertThat(http.send(withSession.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		String page = browser.get("/cases/new").body();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).isTrue();
		HttpResponse<String> accepted = http.send(withSession.header("X-CSRF-TOKEN", token.group(1)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(201);
	}

	@Test
	void theApiIsDescribedByOpenApi() throws Exception {
		HttpResponse<String> response = get("/api/v1/openapi", "secretary");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"openapi\"", "/api/v1/cases", "/api/v1/cases/{reference}/close",
				"Idempotency-Key");
		// how to sign in is part of the description: a token, Basic, or a browser session
		assertThat(response.body()).contains("\"securitySchemes\"", "\"bearer\"", "\"basic\"", "\"SESSION\"");
	}

}
