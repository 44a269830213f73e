package org.oneweek.bulletin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.BulletinCases.Planted;
import org.oneweek.casework.Case;
import org.oneweek.casework.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open311 GeoReport v2 as another system uses it: JSON valid against the community's
 * schemas, XML shaped like the spec's examples, errors as the spec says, and nothing
 * private in any answer.
 */
@OneweekTest
class Open311Test {

	static final String KEY = "oneweek-demo-open311";

	static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	@Autowired
	MockMvc mvc;

	@Autowired
	BulletinCases bulletinCases;

	@Autowired
	Cases cases;

	@Autowired
	JsonMapper json;

	String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	void assertValid(String schema, String body) {
		Schema validator = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/georeport-v2/" + schema));
		JsonNode node = json.readTree(body);
		List<Error> errors = validator.validate(node);
		assertThat(errors).as(schema + " for " + body).isEmpty();
	}

	/** The element names of each item (or of the root), by parent name. */
	static Set<String> shape(String xml) throws Exception {
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Set<String> paths = new LinkedHashSet<>();
		collect(document.getDocumentElement(), document.getDocumentElement().getTagName(), paths);
		return paths;
	}

	private static void collect(Element element, String path, Set<String> paths) {
		paths.add(path);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				collect(e, path + "/" + e.getTagName(), paths);
			}
		}
	}

	static Set<String> example(String name) throws Exception {
		try (InputStream in = Open311Test.class.getResourceAsStream("/open311/examples/" + name)) {
			return shape(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	MockHttpServletRequestBuilder create(String format, String... overrides) {
		java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
		params.put("api_key", KEY);
		params.put("jurisdiction_id", "QXD");
		params.put("service_code", "ROADS");
		params.put("attribute[village]", "DJ");
		params.put("lat", "32.1234");
		params.put("long", "118.9876");
		params.put("address_string", "东江村村口");
		params.put("first_name", "王");
		params.put("last_name", "来电人" + System.nanoTime());
		params.put("phone", "13700001234");
		params.put("description", "村口到镇上的路有很多坑，下雨积水。");
		for (int i = 0; i < overrides.length; i += 2) {
			params.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/open311/v2/requests." + format)
			.contentType("application/x-www-form-urlencoded");
		params.forEach(request::param);
		return request;
	}

	@Test
	void discoveryNamesTheEndpointAndFormats() throws Exception {
		String xml = body(get("/open311/discovery.xml"), 200);
		assertThat(example("discovery.xml")).containsAll(shape(xml));
		assertThat(xml).contains("<url>http://localhost/open311/v2</url>", "<format>application/json</format>");
		assertThat(json.readTree(body(get("/open311/v2/discovery.json"), 200))
			.get("endpoints")
			.get(0)
			.get("type")
			.asString()).isEqualTo("production");
	}

	@Test
	void theServicesAreTheCaseCategories() throws Exception {
		String body = body(get("/open311/v2/services.json").param("jurisdiction_id", "QXD"), 200);
		assertValid("services.json", body);
		for (JsonNode service : json.readTree(body)) {
			assertValid("service.json", service.toString());
		}
		assertThat(body).contains("\"service_code\":\"SANITATION\"", "环境卫生");
		String xml = body(get("/open311/v2/services.xml"), 200);
		assertThat(example("services.xml")).containsAll(shape(xml));
		assertThat(shape(xml)).contains("services/service/service_code");
	}

	@Test
	void aServiceDefinitionAsksForTheVillage() throws Exception {
		String body = body(get("/open311/v2/services/SANITATION.json"), 200);
		assertValid("service-definition.json", body);
		assertThat(body).contains("\"code\":\"village\"", "\"key\":\"DJ\"", "东江村");
		String xml = body(get("/open311/v2/services/SANITATION.xml"), 200);
		assertThat(example("service-definition.xml")).containsAll(shape(xml));
		body(get("/open311/v2/services/NO_SUCH.json"), 404);
	}

	@Test
	void anotherSystemCreatesACaseWithItsKeyAndFollowsIt() throws Exception {
		String xml = mvc.perform(create("xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/xml"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(example("post-response.xml")).containsAll(shape(xml));
		String reference = xml.replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
		String token = xml.replaceAll("(?s).*<token>([^<]+)</token>.*", "$1");

		Case c = cases.byReference(reference).orElseThrow();
		assertThat(c.category()).isEqualTo("ROADS");
		assertThat(c.villageId()).isNotNull();
		assertThat(cases.reporter(c.id()).orElseThrow().phone()).isEqualTo("13700001234");
		assertThat(c.location()).contains("32.1234,118.9876");

		String one = body(get("/open311/v2/requests/" + reference + ".json"), 200);
		assertValid("requests.json", one);
		for (JsonNode request : json.readTree(one)) {
			assertValid("request.json", request.toString());
		}
		assertThat(one).contains(reference, "\"status\":\"open\"", "\"address_id\":\"DJ\"")
			.doesNotContain("13700001234")
			.doesNotContain("来电人")
			.doesNotContain("很多坑")
			.contains("\"lat\":32.1234", "\"long\":118.9876");
		String oneXml = body(get("/open311/v2/requests/" + reference + ".xml"), 200);
		assertThat(example("requests.xml")).containsAll(shape(oneXml));
		assertThat(shape(oneXml)).containsAll(example("requests.xml"));

		String byToken = body(get("/open311/v2/tokens/" + token + ".json"), 200);
		assertThat(json.readTree(byToken).get(0).get("service_request_id").asString()).isEqualTo(reference);
		assertThat(example("token.xml")).containsAll(shape(body(get("/open311/v2/tokens/" + token + ".xml"), 200)));
		body(get("/open311/v2/tokens/nope.json"), 404);

		String created = body(create("json"), 200);
		assertThat(json.readTree(created).get(0).get("service_request_id").asString()).startsWith("QX-");
	}

	@Test
	void requestsAreFilteredAsTheSpecSays() throws Exception {
		Planted open = bulletinCases.record("Open311 可见的事项", false);
		Planted resolved = bulletinCases.record("Open311 已办结的事项", false);
		bulletinCases.resolve(resolved.reference(), "已修好");

		String both = body(get("/open311/v2/requests.json").param("service_request_id",
				open.reference() + "," + resolved.reference()), 200);
		assertValid("requests.json", both);
		assertThat(json.readTree(both)).hasSize(2);

		String sanitation = body(get("/open311/v2/requests.json").param("service_code", "SANITATION")
			.param("status", "open")
			.param("start_date", "2000-01-01T00:00:00+08:00"), 200);
		assertValid("requests.json", sanitation);
		assertThat(sanitation).contains(open.reference(), resolved.reference());
		for (JsonNode request : json.readTree(sanitation)) {
			assertThat(request.get("service_code").asString()).isEqualTo("SANITATION");
			assertThat(request.get("status").asString()).isEqualTo("open");
		}
		String roads = body(get("/open311/v2/requests.json").param("service_code", "ROADS"), 200);
		assertThat(roads).doesNotContain(open.reference());
		String closed = body(get("/open311/v2/requests.json").param("status", "closed"), 200);
		assertThat(closed).doesNotContain(open.reference());
		String future = body(get("/open311/v2/requests.json").param("start_date", "2099-01-01"), 200);
		assertThat(json.readTree(future)).isEmpty();

		for (Planted planted : List.of(open, resolved)) {
			for (String response : List.of(both, sanitation,
					body(get("/open311/v2/requests.xml").param("service_request_id", planted.reference()), 200))) {
				BoardPagesTest.assertNothingPrivate(response, planted);
			}
		}
		body(get("/open311/v2/requests/QX-1999-99999.json"), 404);
	}

	@Test
	void badInputIsAnsweredWithTheSpecsErrors() throws Exception {
		List<String> answers = new ArrayList<>();
		for (String format : List.of("json", "xml")) {
			answers.add(body(create(format, "service_code", ""), 400));
			answers.add(body(create(format, "jurisdiction_id", "NOWHERE"), 404));
			answers.add(body(create(format, "api_key", "guessed-key"), 403));
			answers.add(body(create(format, "description", "长".repeat(5000)), 400));
			answers.add(body(create(format, "lat", "north"), 400));
			answers.add(body(create(format, "long", "200.5"), 400));
			answers.add(body(create(format, "attribute[village]", "NOPE"), 400));
			answers.add(body(get("/open311/v2/requests." + format).param("start_date", "yesterday"), 400));
			answers.add(body(get("/open311/v2/requests." + format).param("status", "maybe"), 400));
		}
		for (String answer : answers.subList(0, answers.size() / 2)) {
			JsonNode errors = json.readTree(answer);
			assertThat(errors.isArray()).as(answer).isTrue();
			assertThat(errors.get(0).get("code").isInt()).as(answer).isTrue();
			assertThat(errors.get(0).get("description").asString()).as(answer).isNotBlank();
		}
		for (String answer : answers.subList(answers.size() / 2, answers.size())) {
			assertThat(example("errors.xml")).isEqualTo(shape(answer));
		}
		assertThat(answers.get(0)).contains("\"code\":400", "service_code");
		// a phone is a number that can be called, as the committee will call it back
		for (String phone : new String[] { "1234567", "call me back" }) {
			assertThat(body(create("json", "phone", phone), 400)).contains("phone is not a phone number", "area code");
		}
		String created = body(create("json", "phone", "+86 137 0000 1234"), 200);
		String reference = json.readTree(created).get(0).get("service_request_id").asString();
		assertThat(cases.reporter(cases.byReference(reference).orElseThrow().id()).orElseThrow().phone())
			.isEqualTo("13700001234");
		assertThat(answers.get(2)).contains("\"code\":403");
		assertThat(answers.get(1)).contains("\"code\":404", "jurisdiction_id");
		body(get("/open311/v2/services.json").param("jurisdiction_id", "NOWHERE"), 404);
	}

}
