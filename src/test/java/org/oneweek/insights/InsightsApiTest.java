package org.oneweek.insights;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures as JSON through the real server: the organization department's, the same
 * numbers as the pages, rates as fractions, bad filters answered in words.
 */
@OneweekTest
class InsightsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Insights insights;

	@Autowired
	Clock clock;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String username) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":oneweek-demo").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theDepartmentGetsAVillagesFiguresAsFractions() throws Exception {
		long village = fixtures.villageId("DJ");
		HttpResponse<String> response = get("/api/v1/insights/metrics?village=" + village, "admin");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		Figures expected = insights.figures(MetricFilter.ALL.withVillage(VillageId.of(village)), clock.instant());
		assertThat(body.get("cases").asLong()).isEqualTo(expected.cases()).isPositive();
		for (String rate : new String[] { "contactRate", "resolutionRate", "satisfactionRate", "composite" }) {
			assertThat(body.has(rate)).as(rate).isTrue();
			if (!body.get(rate).isNull()) {
				assertThat(body.get(rate).asDouble()).as(rate).isBetween(0.0, 1.0);
			}
		}
		if (expected.composite() != null) {
			assertThat(body.get("composite").asDouble()).isCloseTo(expected.composite(), within(1e-9));
		}
		assertThat(body.get("counts").get("overdue").asLong()).isEqualTo(expected.count(Measure.OVERDUE));
		assertThat(body.get("weights").get("resolution").asDouble()).isEqualTo(0.5);
		assertThat(body.has("blindSpotRate")).isTrue();
		BlindSpotRate blind = insights.blindSpots(MetricFilter.ALL.withVillage(VillageId.of(village)), clock.instant());
		assertThat(body.get("blindSpots").get("problems").asInt()).isEqualTo(blind.problems());
		assertThat(body.get("blindSpotRate").isNull()).isEqualTo(blind.rate() == null);
		HandoverDelay handover = insights.handoverDelay(MetricFilter.ALL.withVillage(VillageId.of(village)),
				clock.instant());
		assertThat(body.get("handoverAcknowledgement").get("handovers").asLong()).isEqualTo(handover.handovers());
	}

	@Test
	void withoutParametersItIsTheWholeDistrictAndAllTime() throws Exception {
		JsonNode body = json.readTree(get("/api/v1/insights/metrics", "admin").body());
		assertThat(body.get("cases").asLong()).isGreaterThanOrEqualTo(
				json.readTree(get("/api/v1/insights/metrics?village=" + fixtures.villageId("DJ"), "admin").body())
					.get("cases")
					.asLong());
	}

	@Test
	void othersAreRefusedAndBadFiltersAnsweredInWords() throws Exception {
		assertThat(get("/api/v1/insights/metrics", "secretary").statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/insights/metrics", "committee").statusCode()).isEqualTo(403);
		HttpResponse<String> backwards = get("/api/v1/insights/metrics?from=2026-03-01&to=2026-02-01", "admin");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("结束日期早于开始日期");
		HttpResponse<String> notADay = get("/api/v1/insights/metrics?from=yesterday", "admin");
		assertThat(notADay.statusCode()).isEqualTo(400);
		assertThat(notADay.body()).contains("年-月-日");
		assertThat(get("/api/v1/insights/metrics?village=abc", "admin").statusCode()).isEqualTo(400);
	}

	@Test
	void theMetricsAreInTheOpenApiDocument() throws Exception {
		String document = get("/api/v1/openapi", "admin").body();
		assertThat(document).contains("/api/v1/insights/metrics", "contactRate", "satisfactionRate", "blindSpotRate");
	}

}
