package org.oneweek.bulletin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.internal.Open311Records;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Cases;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open311 as FixMyStreet's own client (mysociety/fixmystreet, perllib/Open311.pm and
 * Open311/GetServiceRequests.pm, GetServiceRequestUpdates.pm,
 * PostServiceRequestUpdates.pm) talks to it: the parameters below are the ones those
 * modules send, named and formatted as they send them (descriptions as
 * _generate_service_request_description writes them outside the UK, coordinates cut to
 * six decimals, dates as DateTime::Format::W3CDTF writes UTC), and the answers are read
 * the way its XML::Simple settings read them (ForceArray on request, request_update and
 * error).
 */
@OneweekTest
class FixMyStreetClientTest {

	static final String ENDPOINT = "/open311/v2/";

	static final String API_KEY = "oneweek-demo-open311";

	static final String JURISDICTION = "QXD";

	@Autowired
	MockMvc mvc;

	@Autowired
	Cases cases;

	@Autowired
	FollowUps followUps;

	@Autowired
	Open311Records records;

	@Autowired
	BulletinCases bulletinCases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Clock clock;

	/** DateTime::Format::W3CDTF->format_datetime of a UTC DateTime. */
	static String w3cdtf(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	/** Open311::_request for POST: the params, then jurisdiction_id and api_key. */
	MockHttpServletRequestBuilder fmsPost(String path, Map<String, String> params) {
		MockHttpServletRequestBuilder request = post(ENDPOINT + path).contentType("application/x-www-form-urlencoded");
		Map<String, String> all = new LinkedHashMap<>(params);
		all.put("jurisdiction_id", JURISDICTION);
		all.put("api_key", API_KEY);
		all.forEach(request::param);
		return request;
	}

	/** Open311::_request for GET: the params and jurisdiction_id in the query. */
	MockHttpServletRequestBuilder fmsGet(String path, Map<String, String> params) {
		MockHttpServletRequestBuilder request = get(ENDPOINT + path);
		Map<String, String> all = new LinkedHashMap<>(params);
		all.put("jurisdiction_id", JURISDICTION);
		all.forEach(request::param);
		return request;
	}

	String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** _populate_service_request_params for a report placed on the map. */
	static Map<String, String> report(String title, String detail, String name, double lat, double lon) {
		String[] split = name.split("\\s+", 2);
		Map<String, String> params = new LinkedHashMap<>();
		params.put("description", title + "\n\n" + detail + "\n\n" + "https://fms.example/report/1234" + "\n");
		params.put("service_code", "ROADS");
		params.put("first_name", split[0]);
		params.put("last_name", (split.length > 1) ? split[1] : "");
		params.put("email", "villager@example.org");
		params.put("lat", String.format(java.util.Locale.ROOT, "%.6f", lat));
		params.put("long", String.format(java.util.Locale.ROOT, "%.6f", lon));
		return params;
	}

	static Document xml(String text) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** What XML::Simple with ForceArray gives for $obj->{item}: each item's fields. */
	static List<Map<String, String>> items(String text, String item) throws Exception {
		Document document = xml(text);
		List<Map<String, String>> out = new ArrayList<>();
		NodeList nodes = document.getDocumentElement().getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element e && e.getTagName().equals(item)) {
				Map<String, String> fields = new LinkedHashMap<>();
				for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
					if (child instanceof Element c) {
						fields.put(c.getTagName(), c.getTextContent());
					}
				}
				out.add(fields);
			}
		}
		return out;
	}

	@Test
	void aReportPlacedOnTheMapIsReadBackWithItsUpdatesAndACommentReachesTheCommittee() throws Exception {
		Instant before = clock.instant().minusSeconds(5);
		// send_service_request: a report with lat/long only (no village named)
		String created = answer(
				fmsPost("requests.xml", report("村口路面塌陷", "下雨后塌得更厉害，电动车过不去。", "Wang Xiaoming", 32.1234567, 118.9876543)),
				200);
		List<Map<String, String>> request = items(created, "request");
		String id = request.get(0).get("service_request_id");
		assertThat(id).startsWith("QX-");

		Case c = cases.byReference(id).orElseThrow();
		assertThat(c.villageId()).isEqualTo(VillageId.of(fixtures.villageId("DJ")));
		assertThat(c.source()).isEqualTo(CaseSource.OPEN311);
		assertThat(c.publicTitle()).contains("待审核").doesNotContain("塌陷");
		Open311Records.Request kept = records.request(id).orElseThrow();
		assertThat(kept.email()).isEqualTo("villager@example.org");
		assertThat(kept.keyName()).isNotBlank();
		assertThat(kept.at().lat()).isEqualTo(32.123457);
		assertThat(kept.proposedTitle()).isEqualTo("村口路面塌陷");

		// GetServiceRequests: requests.xml with start_date and end_date, each with lat
		// and long
		Instant after = clock.instant().plusSeconds(5);
		String listed = answer(
				fmsGet("requests.xml",
						Map.of("start_date", w3cdtf(before.minus(Duration.ofHours(1))), "end_date", w3cdtf(after))),
				200);
		Map<String, String> mine = items(listed, "request").stream()
			.filter((r) -> id.equals(r.get("service_request_id")))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("lat")).isEqualTo("32.123457");
		assertThat(mine.get("long")).isEqualTo("118.987654");
		assertThat(Instant.parse(mine.get("updated_datetime").replace("+08:00", "+08:00"))).isNotNull();
		assertThat(listed).doesNotContain("villager@example.org").doesNotContain("Xiaoming");

		// GetServiceRequestUpdates: an update the team made in public
		bulletinCases.publicNote(id, "已联系交通局，周三来人查看", 20);
		String updates = answer(fmsGet("servicerequestupdates.xml", Map.of("api_key", API_KEY, "start_date",
				w3cdtf(before), "end_date", w3cdtf(clock.instant().plusSeconds(5)))), 200);
		assertThat(xml(updates).getDocumentElement().getTagName()).isEqualTo("service_request_updates");
		List<Map<String, String>> ours = items(updates, "request_update").stream()
			.filter((u) -> id.equals(u.get("service_request_id")))
			.toList();
		assertThat(ours).isNotEmpty();
		assertThat(ours).allSatisfy((u) -> {
			assertThat(u.get("update_id")).isNotBlank();
			assertThat(u.get("status")).isNotBlank();
			assertThat(u.get("updated_datetime")).isNotBlank();
			assertThat(u).containsKeys("description", "media_url");
		});
		assertThat(ours).anySatisfy((u) -> assertThat(u.get("description")).contains("周三来人查看"));

		// PostServiceRequestUpdates: a comment from FixMyStreet's user
		Map<String, String> comment = new LinkedHashMap<>();
		comment.put("updated_datetime", "2026-12-03T10:00:00+08:00");
		comment.put("service_request_id", id);
		comment.put("status", "OPEN");
		comment.put("description", "今天又有人摔了，请尽快。");
		comment.put("last_name", "Xiaoming");
		comment.put("first_name", "Wang");
		comment.put("email", "villager@example.org");
		comment.put("update_id", "98765");
		String posted = answer(fmsPost("servicerequestupdates.xml", comment), 200);
		String updateId = items(posted, "request_update").get(0).get("update_id");
		assertThat(updateId).startsWith("F");
		assertThat(followUps.queue(c.villageId())).anySatisfy((f) -> assertThat(f.text()).isEqualTo("今天又有人摔了，请尽快。"));
		// sent again (a retry after a lost answer): the same update
		assertThat(items(answer(fmsPost("servicerequestupdates.xml", comment), 200), "request_update").get(0)
			.get("update_id")).isEqualTo(updateId);

		// the committee publishes the request's own words with one action
		records.publish(id, null, fixtures.principal("committee"), clock.instant());
		assertThat(cases.byReference(id).orElseThrow().publicTitle()).isEqualTo("村口路面塌陷");
		assertThat(records.awaiting(c.villageId())).noneMatch((r) -> r.reference().equals(id));
	}

	@Test
	void anAddressAloneFindsTheVillageByName() throws Exception {
		Map<String, String> params = report("河堤垃圾", "没人清理", "Li", 0, 0);
		params.remove("lat");
		params.remove("long");
		params.put("address_string", "江岸街道 河湾村 三组");
		String id = items(answer(fmsPost("requests.xml", params), 200), "request").get(0).get("service_request_id");
		assertThat(cases.byReference(id).orElseThrow().villageId()).isEqualTo(VillageId.of(fixtures.villageId("HW")));
	}

	@Test
	void longNamesAreKeptAndTooLongDescriptionsRefusedAsTheSpecSays() throws Exception {
		Map<String, String> params = report("路灯不亮", "整条巷子都黑", "Alexandra " + "Montgomery-Fitzwilliam ".repeat(6),
				32.1234, 118.9876);
		String id = items(answer(fmsPost("requests.xml", params), 200), "request").get(0).get("service_request_id");
		assertThat(records.request(id).orElseThrow().lastName()).hasSizeGreaterThan(100);

		Map<String, String> tooLong = report("长", "长".repeat(4100), "Li Si", 32.1234, 118.9876);
		String refused = answer(fmsPost("requests.xml", tooLong), 400);
		List<Map<String, String>> errors = items(refused, "error");
		assertThat(errors.get(0).get("code")).isEqualTo("400");
		assertThat(errors.get(0).get("description")).contains("4000");

		Map<String, String> nowhere = report("远处", "不在本区", "Li Si", 39.9, 116.4);
		assertThat(items(answer(fmsPost("requests.xml", nowhere), 400), "error").get(0).get("description"))
			.contains("lat/long");
	}

	@Test
	void updatesErrorsAreOpen311ErrorDocumentsInTheFormatAsked() throws Exception {
		Map<String, String> comment = new LinkedHashMap<>();
		comment.put("service_request_id", "QX-1999-99999");
		comment.put("description", "有人吗");
		comment.put("update_id", "1");
		String xmlError = answer(fmsPost("servicerequestupdates.xml", comment), 404);
		assertThat(xml(xmlError).getDocumentElement().getTagName()).isEqualTo("errors");
		String jsonError = answer(post(ENDPOINT + "servicerequestupdates.json").param("api_key", "wrong")
			.param("service_request_id", "QX-1999-99999")
			.param("description", "x"), 403);
		assertThat(jsonError).startsWith("[").contains("\"code\":403");
		String badDate = answer(fmsGet("servicerequestupdates.json", Map.of("start_date", "yesterday")), 400);
		assertThat(badDate).contains("\"code\":400", "start_date");
	}

}
