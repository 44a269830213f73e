package org.oneweek.casework;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document as the server serves it, validated by swagger-parser (the OpenAPI
 * 3 reader of the Swagger project: structure, references, parameters) and held to what
 * the server does: 201 with Location on create, every error documented as a problem
 * detail where it can happen and answered as one, the search filters one by one, the
 * build's version.
 */
@OneweekTest
class OpenApiDocumentTest {

	static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

	static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Value("${info.application.version}")
	String buildVersion;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	String document() throws Exception {
		return mvc.perform(get("/api/v1/openapi").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	OpenAPI parsed() throws Exception {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);
		assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		return result.getOpenAPI();
	}

	@Test
	void theDocumentIsValidOpenApiWithTheBuildsTitleAndVersion() throws Exception {
		OpenAPI api = parsed();
		assertThat(api.getOpenapi()).matches("3\\.[01]\\.\\d+");
		assertThat(api.getInfo().getTitle()).contains("oneweek");
		assertThat(api.getInfo().getDescription()).contains("problem detail");
		assertThat(buildVersion).doesNotContain("@").isNotBlank();
		assertThat(api.getInfo().getVersion()).isEqualTo(buildVersion);
		assertThat(api.getComponents().getSchemas()).containsKey("ProblemDetail");
		Set<String> ids = new HashSet<>();
		List<String> problems = new ArrayList<>();
		operations(api).forEach((where, op) -> {
			if (op.getOperationId() != null && !ids.add(op.getOperationId())) {
				problems.add(where + ": operationId twice");
			}
			Set<String> templated = new HashSet<>();
			Matcher m = TEMPLATE.matcher(where.substring(where.indexOf(' ') + 1));
			while (m.find()) {
				templated.add(m.group(1));
			}
			Set<String> declared = new HashSet<>();
			parameters(op).stream().filter((p) -> "path".equals(p.getIn())).forEach((p) -> declared.add(p.getName()));
			if (!declared.equals(templated)) {
				problems.add(where + ": path parameters " + declared + " for " + templated);
			}
			op.getResponses().forEach((code, response) -> {
				if (code.startsWith("4") || code.startsWith("5")) {
					Map<String, MediaType> content = (response.getContent() != null) ? response.getContent() : Map.of();
					if (!content.keySet().equals(Set.of("application/problem+json"))
							|| !PROBLEM_REF.equals(content.get("application/problem+json").getSchema().get$ref())) {
						problems.add(where + ": " + code + " is not a ProblemDetail as application/problem+json");
					}
				}
			});
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void everyCreateAnswers201WithLocationAndEveryPossibleErrorIsDocumented() throws Exception {
		OpenAPI api = parsed();
		Map<String, Operation> operations = operations(api);
		Operation record = operations.get("POST /api/v1/cases");
		assertThat(record.getResponses()).containsKey("201").doesNotContainKey("200");
		List<String> problems = new ArrayList<>();
		operations.forEach((where, op) -> {
			ApiResponse created = op.getResponses().get("201");
			if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
				problems.add(where + ": 201 without Location");
			}
			// a POST to a collection of its own creates (201); a POST under a record's
			// address acts on that record and answers it, and so does one marked
			// x-action,
			// a command such as rebuilding the figures' summary (docs/API.md)
			boolean action = op.getExtensions() != null && op.getExtensions().containsKey("x-action");
			if (where.startsWith("POST ") && !where.contains("{") && !action && !op.getResponses().containsKey("201")) {
				problems.add(where + ": a create without 201");
			}
			boolean signedIn = op.getSecurity() != null && !op.getSecurity().isEmpty();
			boolean named = parameters(op).stream().anyMatch((p) -> "path".equals(p.getIn()));
			if (signedIn && !op.getResponses().containsKey("401")) {
				problems.add(where + ": no 401");
			}
			if (named && !op.getResponses().keySet().containsAll(Set.of("403", "404"))) {
				problems.add(where + ": a record named in the path without 403 and 404");
			}
			if ((!parameters(op).isEmpty() || op.getRequestBody() != null) && !op.getResponses().containsKey("400")) {
				problems.add(where + ": parameters or a body without 400");
			}
			if (op.getRequestBody() != null && !op.getResponses().containsKey("422")) {
				problems.add(where + ": a body without 422");
			}
		});
		assertThat(problems).isEmpty();
		// the figures are the organization department's: others are refused
		assertThat(operations.get("GET /api/v1/insights/metrics").getResponses()).containsKeys("200", "400", "401",
				"403", "404");
		// the transparency log's proofs are public: no sign-in to document
		assertThat(operations.get("GET /api/v1/transparency/inclusion").getResponses()).containsKey("400")
			.doesNotContainKey("401");
	}

	@Test
	void searchAndFilterParametersAreListedOneByOne() throws Exception {
		Map<String, Operation> operations = operations(parsed());
		assertThat(names(operations.get("GET /api/v1/cases")))
			.contains("q", "village", "term", "state", "category", "type", "urgency", "assignee", "unit", "overdue",
					"open", "from", "to", "page", "size")
			.doesNotContain("params");
		assertThat(parameters(operations.get("GET /api/v1/cases"))).allMatch((p) -> "query".equals(p.getIn()));
		assertThat(names(operations.get("GET /api/v1/insights/metrics")))
			.contains("district", "township", "village", "category", "type", "unit", "member", "term", "from", "to")
			.doesNotContain("params");
	}

	@Test
	void theDocumentedErrorsAreProblemDetailsAtRuntime() throws Exception {
		// over HTTP, as a client meets them (errors rendered by the error page included)
		problem("/api/v1/cases", null, 401);
		problem("/api/v1/insights/metrics", "secretary", 403);
		problem("/api/v1/cases/QX-1999-99999", "secretary", 404);
		problem("/api/v1/transparency/inclusion?index=x&size=1", null, 400);
		problem("/api/v1/cases?size=many", "secretary", 400);
		problem("/api/v1/insights/metrics?from=yesterday", "admin", 400);
		problem("/api/v1/insights/metrics?village=0", "admin", 404);
	}

	private void problem(String path, @Nullable String username, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json");
		if (username != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + Browser.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(expected);
		assertThat(response.headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).as(path).contains("\"status\":" + expected).contains("\"detail\"");
	}

	private static Map<String, Operation> operations(OpenAPI api) {
		Map<String, Operation> all = new java.util.TreeMap<>();
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			path.getValue()
				.readOperationsMap()
				.forEach((method, op) -> all.put(method.name() + " " + path.getKey(), op));
		}
		assertThat(all).isNotEmpty();
		return all;
	}

	private static List<Parameter> parameters(Operation op) {
		return (op.getParameters() != null) ? op.getParameters() : List.of();
	}

	private static List<String> names(Operation op) {
		return parameters(op).stream().map(Parameter::getName).toList();
	}

}
