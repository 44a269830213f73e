package org.oneweek.casework;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document checked as openapi-spec-validator checks one (no such validator is
 * on Maven Central for OpenAPI 3.1 without its own downloads): the version and info,
 * every operation with responses and a unique operationId, every path parameter declared
 * as a required path parameter, every {@code $ref} resolving, every security requirement
 * naming a declared scheme.
 */
@OneweekTest
class OpenApiDocumentTest {

	static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void theDocumentIsValid() throws Exception {
		String body = mvc.perform(get("/api/v1/openapi").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode root = json.readTree(body);
		List<String> problems = new ArrayList<>();
		if (!root.path("openapi").asString("").matches("^3\\.[01]\\.\\d+$")) {
			problems.add("openapi version " + root.path("openapi"));
		}
		if (root.path("info").path("title").asString("").isBlank()
				|| root.path("info").path("version").asString("").isBlank()) {
			problems.add("info.title and info.version are required");
		}
		assertThat(root.path("info").path("title").asString()).contains("oneweek");
		Set<String> schemes = new HashSet<>();
		root.path("components").path("securitySchemes").propertyNames().forEach(schemes::add);
		Set<String> operationIds = new HashSet<>();
		Pattern template = Pattern.compile("\\{([^}]+)}");
		assertThat(root.path("paths").size()).isPositive();
		for (String path : root.path("paths").propertyNames()) {
			JsonNode item = root.path("paths").path(path);
			Set<String> templated = new HashSet<>();
			Matcher m = template.matcher(path);
			while (m.find()) {
				templated.add(m.group(1));
			}
			for (String method : item.propertyNames()) {
				if (!METHODS.contains(method)) {
					continue;
				}
				JsonNode op = item.path(method);
				String where = method.toUpperCase() + " " + path;
				if (!op.path("responses").isObject() || op.path("responses").isEmpty()) {
					problems.add(where + ": no responses");
				}
				String id = op.path("operationId").asString("");
				if (!id.isEmpty() && !operationIds.add(id)) {
					problems.add(where + ": operationId " + id + " twice");
				}
				Set<String> declared = new HashSet<>();
				for (JsonNode p : concat(item.path("parameters"), op.path("parameters"))) {
					if ("path".equals(p.path("in").asString(""))) {
						declared.add(p.path("name").asString());
						if (!p.path("required").asBoolean(false)) {
							problems.add(where + ": path parameter " + p.path("name") + " not required");
						}
					}
				}
				if (!declared.equals(templated)) {
					problems.add(where + ": path parameters " + declared + " for " + templated);
				}
				for (JsonNode requirement : op.path("security")) {
					requirement.propertyNames().forEach((name) -> {
						if (!schemes.contains(name)) {
							problems.add(where + ": unknown security scheme " + name);
						}
					});
				}
			}
		}
		checkRefs(root, root, problems);
		assertThat(problems).isEmpty();
	}

	private static List<JsonNode> concat(JsonNode a, JsonNode b) {
		List<JsonNode> all = new ArrayList<>();
		a.forEach(all::add);
		b.forEach(all::add);
		return all;
	}

	private static void checkRefs(JsonNode root, JsonNode node, List<String> problems) {
		if (node.isObject()) {
			JsonNode ref = node.get("$ref");
			if (ref != null && ref.isString()) {
				String target = ref.asString();
				if (!target.startsWith("#/") || root.at(target.substring(1)).isMissingNode()) {
					problems.add("$ref " + target + " does not resolve");
				}
			}
			node.forEach((child) -> checkRefs(root, child, problems));
		}
		else if (node.isArray()) {
			node.forEach((child) -> checkRefs(root, child, problems));
		}
	}

}
