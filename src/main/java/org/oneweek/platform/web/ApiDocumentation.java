package org.oneweek.platform.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI document says of every operation, so that it stays true without each
 * controller repeating it: the title and the build's version; every error answer an RFC
 * 9457 problem detail ({@code application/problem+json}, the {@code ProblemDetail}
 * schema), listed where it can happen (400 for an operation with parameters or a body,
 * 422 for a body refused, 401 and 403 for the signed-in API, 404 for a record named in
 * the path, 409 for a change to a record whose state forbids it); the {@code Location}
 * header of every 201.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "ProblemDetail";

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI oneweekOpenApi(@Value("${info.application.version:unknown}") String version) {
		return new OpenAPI().info(new Info().title("oneweek JSON API (一周书记)").version(version).description("""
				The JSON API of oneweek, the district's One Week Secretary program (一周书记): the case \
				ledger (cases, their timeline and their actions), the program's figures and the \
				transparency log's proofs. Sign in with a personal API token (Bearer), HTTP Basic or a \
				browser session. Every error is an RFC 9457 problem detail (application/problem+json) in \
				the language asked for (Accept-Language or ?lang=en). See docs/API.md."""));
	}

	@Bean
	GlobalOpenApiCustomizer problemDetailSchema() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			Schema<Object> problem = new ObjectSchema()
				.description("An RFC 9457 problem detail; some answers add their own members (code, errors)")
				.addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
				.addProperty("title", new StringSchema().example("Not Found"))
				.addProperty("status", new IntegerSchema().example(404))
				.addProperty("detail", new StringSchema().description("What was wrong, in the language asked for"))
				.addProperty("instance", new StringSchema().format("uri-reference"));
			problem.setAdditionalProperties(Boolean.TRUE);
			openApi.getComponents().addSchemas(PROBLEM, problem);
		};
	}

	@Bean
	GlobalOperationCustomizer problemResponses() {
		return ApiDocumentation::document;
	}

	static Operation document(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		ApiResponse created = responses.get("201");
		if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
			created.addHeaderObject("Location", new Header().description("The address of what was created")
				.schema(new StringSchema().format("uri-reference")));
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		boolean body = operation.getRequestBody() != null || hasRequestBody(handler);
		boolean pathRecord = parameters.stream().anyMatch((p) -> "path".equals(p.getIn()));
		boolean signedIn = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
		boolean change = !isGet(handler);
		boolean restricted = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
		if (!parameters.isEmpty() || body) {
			problem(responses, "400", "The request could not be read: a parameter or the body is malformed");
		}
		if (signedIn) {
			problem(responses, "401", "Not signed in: no session, API token or HTTP Basic credentials, or wrong ones");
			if (restricted || pathRecord || change) {
				problem(responses, "403",
						"This account may not do this (its role, or the record's village and term), or a browser "
								+ "session sent no CSRF token");
			}
		}
		if (pathRecord) {
			problem(responses, "404", "No record by that name");
		}
		if (pathRecord && change) {
			problem(responses, "409", "The record's current state does not allow this change");
		}
		if (body) {
			problem(responses, "422", "The body was read but refused: what is wrong is in detail (and errors)");
		}
		// errors a controller declares itself are problem details too
		for (String status : List.copyOf(responses.keySet())) {
			if (status.startsWith("4") || status.startsWith("5")) {
				problem(responses, status, responses.get(status).getDescription());
			}
		}
		return operation;
	}

	private static boolean isGet(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(),
				org.springframework.web.bind.annotation.GetMapping.class);
	}

	private static boolean hasRequestBody(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

	private static void problem(ApiResponses responses, String status, String description) {
		ApiResponse response = responses.get(status);
		if (response == null) {
			response = new ApiResponse().description(description);
			responses.addApiResponse(status, response);
		}
		Content content = (response.getContent() != null) ? response.getContent() : new Content();
		content.keySet().removeIf((type) -> !PROBLEM_JSON.equals(type));
		content.addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
		response.setContent(content);
	}

}
