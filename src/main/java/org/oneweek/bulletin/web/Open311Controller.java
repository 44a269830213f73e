package org.oneweek.bulletin.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.internal.Open311Documents;
import org.oneweek.bulletin.internal.Open311Documents.Document;
import org.oneweek.bulletin.internal.Open311Documents.Items;
import org.oneweek.bulletin.internal.Open311Exception;
import org.oneweek.bulletin.internal.Open311Parameters;
import org.oneweek.bulletin.internal.Open311Requests;
import org.oneweek.bulletin.internal.Open311Services;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 for other systems (a 12345 hotline platform, a city app): the
 * services are the case categories, a service request is a case and its id the case's
 * reference number, the jurisdiction is the district. XML or JSON as the path's format
 * asks; errors as the spec says. What the answers hold is {@link Open311Services}' and
 * {@link Open311Requests}' to say.
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");

	private final Open311Services services;

	private final Open311Requests requests;

	private final PublicPages pages;

	private final JsonMapper json;

	private final PublicTexts texts;

	Open311Controller(Open311Services services, Open311Requests requests, PublicPages pages, JsonMapper json,
			PublicTexts texts) {
		this.texts = texts;
		this.services = services;
		this.requests = requests;
		this.pages = pages;
		this.json = json;
	}

	@GetMapping({ "/discovery.{format}", "/v2/discovery.{format}" })
	ResponseEntity<String> discovery(@PathVariable String format) {
		boolean asJson = format(format);
		return respond(asJson, services.discovery(pages.baseUrl()));
	}

	@GetMapping("/v2/services.{format}")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		return respond(asJson, services.services(jurisdiction));
	}

	@GetMapping("/v2/services/{code}.{format}")
	ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		return respond(asJson, services.definition(code, jurisdiction));
	}

	@PostMapping("/v2/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		Open311Parameters params = Open311Parameters.of(request.getParameterMap());
		return respond(asJson, requests.create(params.first("api_key"), params, pages.baseUrl()));
	}

	@GetMapping("/v2/requests.{format}")
	ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		return respond(asJson, requests.list(Open311Parameters.of(request.getParameterMap()), pages.baseUrl()));
	}

	@GetMapping("/v2/requests/{id}.{format}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		return respond(asJson, requests.one(id, jurisdiction, pages.baseUrl()));
	}

	/** mySociety's servicerequestupdates extension: what changed in public, by time. */
	@GetMapping("/v2/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		return respond(asJson, requests.updates(Open311Parameters.of(request.getParameterMap()), pages.baseUrl(),
				(e) -> texts.describe(e, java.util.Locale.SIMPLIFIED_CHINESE)));
	}

	/** A comment from the other system's user: a follow-up for the village committee. */
	@PostMapping("/v2/servicerequestupdates.{format}")
	ResponseEntity<String> postUpdate(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		Open311Parameters params = Open311Parameters.of(request.getParameterMap());
		return respond(asJson, requests.postUpdate(params.first("api_key"), params));
	}

	@GetMapping("/v2/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		return respond(asJson, requests.token(token, jurisdiction));
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> error(Open311Exception ex, HttpServletRequest request) {
		return error(request, ex.status(), ex.getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<String> missing(Exception ex, HttpServletRequest request) {
		return error(request, HttpStatus.BAD_REQUEST, "A required parameter was not provided.");
	}

	/** The spec's error document, in the format the path asks for. */
	static ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, String description) {
		return error(request.getRequestURI().endsWith(".json"), status, description);
	}

	static ResponseEntity<String> error(boolean asJson, HttpStatus status, String description) {
		Map<String, Object> error = Open311Documents.map("code", status.value(), "description", description);
		Items errors = new Items("error", List.of(error));
		String body = asJson ? Open311Documents.json(errors, JsonMapper.builder().build())
				: Open311Documents.xml("errors", errors);
		return ResponseEntity.status(status).contentType(asJson ? MediaType.APPLICATION_JSON : XML).body(body);
	}

	private ResponseEntity<String> respond(boolean asJson, Document document) {
		String body = asJson ? Open311Documents.json(document.content(), json)
				: Open311Documents.xml(document.root(), document.content());
		return ResponseEntity.status(HttpStatus.OK).contentType(asJson ? MediaType.APPLICATION_JSON : XML).body(body);
	}

	/** json or xml, as the path ends. */
	private static boolean format(String format) {
		if ("json".equals(format)) {
			return true;
		}
		if ("xml".equals(format)) {
			return false;
		}
		throw new Open311Exception(HttpStatus.NOT_FOUND, "Format " + format + " is not offered: use xml or json.");
	}

}
