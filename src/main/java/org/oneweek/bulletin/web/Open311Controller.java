package org.oneweek.bulletin.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BulletinProperties;
import org.oneweek.bulletin.Open311Keys;
import org.oneweek.bulletin.internal.Open311Documents;
import org.oneweek.bulletin.internal.Open311Documents.Items;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseCommands;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PublicCases;
import org.oneweek.casework.Urgency;
import org.oneweek.places.District;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
 * reference number, the jurisdiction is the district. XML and JSON; errors as the spec
 * says. Nothing private leaves: no reporter, no internal note, no exact location.
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this API last changed, for discovery. */
	static final String CHANGESET = "2026-11-27T00:00:00+08:00";

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_RESULTS = 1000;

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");

	/** The ledger is kept in Chinese. */
	private static final Locale LEDGER = Locale.SIMPLIFIED_CHINESE;

	private final Places places;

	private final Cases ledger;

	private final PublicCases cases;

	private final CaseIntake intake;

	private final Open311Keys keys;

	private final PublicPages pages;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final BulletinProperties properties;

	Open311Controller(Places places, Cases ledger, PublicCases cases, CaseIntake intake, Open311Keys keys,
			PublicPages pages, MessageSource messages, JsonMapper json, Clock clock, BulletinProperties properties) {
		this.properties = properties;
		this.places = places;
		this.ledger = ledger;
		this.cases = cases;
		this.intake = intake;
		this.keys = keys;
		this.pages = pages;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/** A request the spec answers with an error: its status and what was wrong. */
	static final class Open311Exception extends RuntimeException {

		final HttpStatus status;

		Open311Exception(HttpStatus status, String description) {
			super(description);
			this.status = status;
		}

	}

	// ---- discovery and services -----------------------------------------------------

	@GetMapping({ "/discovery.{format}", "/v2/discovery.{format}" })
	ResponseEntity<String> discovery(@PathVariable String format) {
		boolean asJson = format(format);
		Map<String, Object> endpoint = Open311Documents.map("specification", SPECIFICATION, "url",
				pages.baseUrl() + "/open311/v2", "changeset", CHANGESET, "type", "production", "formats",
				new Items("format", List.of("text/xml", "application/json")));
		String district = places.districts().stream().map(District::name).collect(Collectors.joining(", "));
		Map<String, Object> discovery = Open311Documents.map("changeset", CHANGESET, "contact",
				"Organization Department (组织部), " + district, "key_service",
				"Keys are issued by the district's Organization Department (组织部) on the oneweek site.", "endpoints",
				new Items("endpoint", List.of(endpoint)));
		return respond(asJson, HttpStatus.OK, "discovery", discovery);
	}

	@GetMapping("/v2/services.{format}")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		district(jurisdiction);
		List<Map<String, Object>> services = new ArrayList<>();
		for (CaseCategory category : activeCategories()) {
			services.add(Open311Documents.map("service_code", category.code(), "service_name", category.nameZh(),
					"description", category.nameEn(), "metadata", true, "type", "realtime", "keywords",
					category.nameEn().toLowerCase(Locale.ROOT), "group", null));
		}
		return respond(asJson, HttpStatus.OK, "services", new Items("service", services));
	}

	@GetMapping("/v2/services/{code}.{format}")
	ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		District district = district(jurisdiction);
		CaseCategory category = category(code);
		List<Map<String, Object>> villages = villagesOf(district).stream()
			.filter(Village::active)
			.map((v) -> Open311Documents.map("key", v.code(), "name", v.name()))
			.toList();
		List<Map<String, Object>> types = Arrays.stream(CaseType.values())
			.map((t) -> Open311Documents.map("key", t.name(), "name",
					messages.getMessage("case.type." + t.name(), null, t.name(), LEDGER)))
			.toList();
		Map<String, Object> village = Open311Documents.map("variable", true, "code", "village", "datatype",
				"singlevaluelist", "required", true, "datatype_description",
				"The code of the village or community (村/社区); address_id may give it instead.", "order", 1,
				"description", "村（社区） Village", "values", new Items("value", villages));
		Map<String, Object> type = Open311Documents.map("variable", true, "code", "case_type", "datatype",
				"singlevaluelist", "required", false, "datatype_description",
				"The kind of request as in the 12345 convention; HELP when not given.", "order", 2, "description",
				"类型 Type", "values", new Items("value", types));
		Map<String, Object> definition = Open311Documents.map("service_code", category.code(), "attributes",
				new Items("attribute", List.of(village, type)));
		return respond(asJson, HttpStatus.OK, "service_definition", definition);
	}

	// ---- requests ---------------------------------------------------------------------

	@PostMapping("/v2/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		MultiValueMap<String, String> params = parameters(request);
		Instant now = clock.instant();
		Open311Keys.Key key = keys.authenticate(params.getFirst("api_key"), now)
			.orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN,
					"Invalid api_key received -- can't proceed with create_request."));
		District district = district(params.getFirst("jurisdiction_id"));
		String serviceCode = text(params, "service_code", 40);
		if (serviceCode == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code was not provided.");
		}
		CaseCategory category = category(serviceCode);
		String villageCode = Optional.ofNullable(text(params, "attribute[village]", 40))
			.orElse(text(params, "address_id", 40));
		if (villageCode == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"attribute[village] (or address_id) is required: the village's code, see the service definition.");
		}
		Village village = villagesOf(district).stream()
			.filter((v) -> v.code().equalsIgnoreCase(villageCode) && v.active())
			.findFirst()
			.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
					"attribute[village] " + villageCode + " is not a village of this jurisdiction."));
		String description = params.getFirst("description");
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"description is longer than " + MAX_DESCRIPTION + " characters.");
		}
		String position = position(params.getFirst("lat"), params.getFirst("long"));
		String address = text(params, "address_string", 200);
		CaseType type = CaseType.HELP;
		String typeCode = text(params, "attribute[case_type]", 20);
		if (typeCode != null) {
			type = Arrays.stream(CaseType.values())
				.filter((t) -> t.name().equalsIgnoreCase(typeCode))
				.findFirst()
				.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
						"attribute[case_type] " + typeCode + " is not one of the service definition's values."));
		}
		String phone = text(params, "phone", 20);
		if (phone != null && !phone.matches(CaseCommands.PHONE_PATTERN)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "phone is not a phone number.");
		}
		String mediaUrl = text(params, "media_url", 500);
		if (mediaUrl != null && !mediaUrl.matches("^https?://\\S+$")) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "media_url is not an http(s) address.");
		}
		String name = String
			.join(" ", Optional.ofNullable(text(params, "first_name", 20)).orElse(""),
					Optional.ofNullable(text(params, "last_name", 20)).orElse(""))
			.strip();
		String text = (description != null) ? description.strip() : "";
		CaseIntake.Recorded recorded;
		try {
			RecordCase command = RecordCase.of(VillageId.of(village.id()), category.code(), title(text, category))
				.withSource(CaseSource.PHONE)
				.withType(type)
				.withUrgency(Urgency.NORMAL)
				.withDescription(joinLines(text.isEmpty() ? null : text,
						(mediaUrl != null) ? "media_url: " + mediaUrl : null, "Open311: " + key.name()))
				.withLocation(joinLines(address, position))
				// the request's own words may name people: the board gets a neutral title
				.withPublicTitle(
						messages.getMessage("bulletin.open311.publicTitle", new Object[] { category.nameZh() }, LEDGER))
				.withReporter(RecordCase.reporter(name, phone, null, false));
			recorded = intake.record(command, key.principal(), now);
		}
		catch (CaseRuleException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "The request was refused: " + ex.messageKey());
		}
		String token = keys.token(key.id(), recorded.id().value(), now);
		Map<String, Object> created = Open311Documents.map("service_request_id", recorded.reference(), "token", token,
				"service_notice", "Recorded as " + recorded.reference() + " for " + village.name()
						+ "; its progress is public at " + pages.caseUrl(recorded.reference()),
				"account_id", null);
		return respond(asJson, HttpStatus.OK, "service_requests", new Items("request", List.of(created)));
	}

	@GetMapping("/v2/requests.{format}")
	ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request) {
		boolean asJson = format(format);
		MultiValueMap<String, String> params = parameters(request);
		District district = district(params.getFirst("jurisdiction_id"));
		List<String> ids = csv(params.getFirst("service_request_id"));
		PublicCases.Filter filter;
		if (!ids.isEmpty()) {
			// the spec: with ids, every other filter is ignored
			filter = new PublicCases.Filter(ids.stream().map((id) -> id.toUpperCase(Locale.ROOT)).toList(), List.of(),
					null, null, null, MAX_RESULTS);
		}
		else {
			List<String> codes = csv(params.getFirst("service_code"));
			for (String code : codes) {
				category(code);
			}
			Instant end = date(params.getFirst("end_date"), "end_date", true);
			Instant start = date(params.getFirst("start_date"), "start_date", false);
			if (start == null && end == null) {
				start = clock.instant().minus(Duration.ofDays(90));
			}
			if (start != null && end != null && start.isAfter(end)) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date is after end_date.");
			}
			filter = new PublicCases.Filter(List.of(), codes, start, end, status(params.getFirst("status")),
					MAX_RESULTS);
		}
		List<Case> found = cases.find(townshipIds(district), filter);
		return respond(asJson, HttpStatus.OK, "service_requests", new Items("request", requests(found)));
	}

	@GetMapping("/v2/requests/{id}.{format}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		District district = district(jurisdiction);
		List<Case> found = cases.find(townshipIds(district),
				new PublicCases.Filter(List.of(id.strip().toUpperCase(Locale.ROOT)), List.of(), null, null, null, 1));
		if (found.isEmpty()) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " was not found.");
		}
		return respond(asJson, HttpStatus.OK, "service_requests", new Items("request", requests(found)));
	}

	@GetMapping("/v2/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		boolean asJson = format(format);
		district(jurisdiction);
		String reference = (token.length() <= 64) ? keys.caseOfToken(token).flatMap(cases::referenceOf).orElse(null)
				: null;
		if (reference == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " was not found.");
		}
		return respond(asJson, HttpStatus.OK, "service_requests",
				new Items("request", List.of(Open311Documents.map("service_request_id", reference, "token", token))));
	}

	/** Cases as Open311 requests: only what the public board shows. */
	private List<Map<String, Object>> requests(List<Case> found) {
		List<Long> ids = found.stream().map(Case::id).toList();
		Map<Long, String> notes = cases.latestPublicNotes(ids);
		Map<Long, Long> photos = cases.firstPhotos(ids);
		Map<String, CaseCategory> categories = ledger.categories()
			.stream()
			.collect(Collectors.toMap(CaseCategory::code, Function.identity()));
		Map<Long, Village> villages = places.villages()
			.stream()
			.collect(Collectors.toMap(Village::id, Function.identity()));
		Map<Long, Township> townships = places.townships()
			.stream()
			.collect(Collectors.toMap(Township::id, Function.identity()));
		ZoneId zone = clock.getZone();
		List<Map<String, Object>> out = new ArrayList<>();
		for (Case c : found) {
			CaseCategory category = categories.get(c.category());
			Village village = villages.get(c.villageId());
			Township township = townships.get(c.townshipId());
			String statusNotes = (c.result() != null) ? c.result()
					: (c.declineReason() != null) ? c.declineReason() : notes.get(c.id());
			Long photo = photos.get(c.id());
			out.add(Open311Documents.map("service_request_id", c.reference(), "status",
					PublicCases.FINISHED.contains(c.state()) ? "closed" : "open", "status_notes", statusNotes,
					"service_name", (category != null) ? category.nameZh() : c.category(), "service_code", c.category(),
					"description", c.publicTitle(), "agency_responsible",
					(c.assignee() != null) ? c.assignee().name() : null, "service_notice", null, "requested_datetime",
					time(c.receivedAt(), zone), "updated_datetime", time(c.updatedAt(), zone), "expected_datetime",
					c.state().isActive() ? time(c.resolutionDue(), zone) : null, "address",
					((village != null) ? village.name() : "") + ((township != null) ? "，" + township.name() : ""),
					"address_id", (village != null) ? village.code() : null, "zipcode", null, "lat", null, "long", null,
					"media_url",
					(photo != null) ? pages.baseUrl() + "/c/" + c.reference() + "/photos/" + photo : null));
		}
		return out;
	}

	// ---- errors -----------------------------------------------------------------------

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> error(Open311Exception ex, HttpServletRequest request) {
		return error(request, ex.status, ex.getMessage());
	}

	@ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
	ResponseEntity<String> missing(Exception ex, HttpServletRequest request) {
		return error(request, HttpStatus.BAD_REQUEST, "A required parameter was not provided.");
	}

	static ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, String description) {
		boolean asJson = request.getRequestURI().endsWith(".json");
		Map<String, Object> error = Open311Documents.map("code", status.value(), "description", description);
		Items errors = new Items("error", List.of(error));
		String body = asJson ? Open311Documents.json(errors, JsonMapper.builder().build())
				: Open311Documents.xml("errors", errors);
		return ResponseEntity.status(status).contentType(asJson ? MediaType.APPLICATION_JSON : XML).body(body);
	}

	// ---- helpers ----------------------------------------------------------------------

	private ResponseEntity<String> respond(boolean asJson, HttpStatus status, String root, Object document) {
		String body = asJson ? Open311Documents.json(document, json) : Open311Documents.xml(root, document);
		return ResponseEntity.status(status).contentType(asJson ? MediaType.APPLICATION_JSON : XML).body(body);
	}

	private static boolean format(String format) {
		if ("json".equals(format)) {
			return true;
		}
		if ("xml".equals(format)) {
			return false;
		}
		throw new Open311Exception(HttpStatus.NOT_FOUND, "Format " + format + " is not offered: use xml or json.");
	}

	private District district(@Nullable String jurisdiction) {
		List<District> districts = places.districts();
		if (jurisdiction == null || jurisdiction.isBlank()) {
			String configured = properties.jurisdiction();
			if (configured != null && !configured.isBlank()) {
				return district(configured);
			}
			if (districts.size() == 1) {
				return districts.get(0);
			}
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "jurisdiction_id was not provided.");
		}
		return districts.stream()
			.filter((d) -> d.code().equalsIgnoreCase(jurisdiction.strip()))
			.findFirst()
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
					"jurisdiction_id " + abbreviate(jurisdiction) + " was not found."));
	}

	private List<Long> townshipIds(District district) {
		return places.townships().stream().filter((t) -> t.districtId() == district.id()).map(Township::id).toList();
	}

	private List<Village> villagesOf(District district) {
		List<Long> townships = townshipIds(district);
		return places.villages().stream().filter((v) -> townships.contains(v.townshipId())).toList();
	}

	private List<CaseCategory> activeCategories() {
		return ledger.categories().stream().filter(CaseCategory::active).toList();
	}

	private CaseCategory category(String code) {
		return activeCategories().stream()
			.filter((c) -> c.code().equals(code.strip().toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
					"service_code " + abbreviate(code) + " was not found."));
	}

	/** lat and long together, each a number in its range; or neither. */
	private static @Nullable String position(@Nullable String lat, @Nullable String lon) {
		boolean hasLat = lat != null && !lat.isBlank();
		boolean hasLong = lon != null && !lon.isBlank();
		if (!hasLat && !hasLong) {
			return null;
		}
		if (hasLat != hasLong) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long must be given together.");
		}
		BigDecimal latitude = number(lat, "lat", 90);
		BigDecimal longitude = number(lon, "long", 180);
		return latitude.toPlainString() + "," + longitude.toPlainString();
	}

	private static BigDecimal number(String text, String name, int limit) {
		try {
			String value = text.strip();
			if (value.length() > 20 || !value.matches("^[+-]?\\d{1,3}(\\.\\d{1,12})?$")) {
				throw new NumberFormatException(name);
			}
			BigDecimal number = new BigDecimal(value);
			if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
				throw new NumberFormatException(name);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					name + " is not a decimal degree between -" + limit + " and " + limit + ".");
		}
	}

	private @Nullable Instant date(@Nullable String text, String name, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the shorter forms below
		}
		try {
			return LocalDateTime.parse(value).atZone(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try a date alone
		}
		try {
			LocalDate day = LocalDate.parse(value);
			return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					name + " is not a date and time in the w3 format (e.g. 2026-03-02T00:00:00+08:00).");
		}
	}

	private static @Nullable Boolean status(@Nullable String text) {
		List<String> values = csv(text);
		boolean open = false;
		boolean closed = false;
		for (String value : values) {
			switch (value.toLowerCase(Locale.ROOT)) {
				case "open" -> open = true;
				case "closed" -> closed = true;
				default -> throw new Open311Exception(HttpStatus.BAD_REQUEST, "status must be open or closed.");
			}
		}
		return (open == closed) ? null : Boolean.valueOf(closed);
	}

	private static List<String> csv(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> values = Arrays.stream(text.split(",")).map(String::strip).filter((v) -> !v.isEmpty()).toList();
		if (values.size() > MAX_RESULTS) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "Too many values in one parameter.");
		}
		return values;
	}

	private static @Nullable String text(MultiValueMap<String, String> params, String name, int max) {
		String value = params.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " is longer than " + max + " characters.");
		}
		return value.strip();
	}

	private static MultiValueMap<String, String> parameters(HttpServletRequest request) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((k, v) -> params.put(k, Arrays.asList(v)));
		return params;
	}

	private static String title(String description, CaseCategory category) {
		String firstLine = description.lines().map(String::strip).filter((l) -> !l.isEmpty()).findFirst().orElse("");
		if (firstLine.isEmpty()) {
			return category.nameZh();
		}
		return (firstLine.length() > 40) ? firstLine.substring(0, 40) + "…" : firstLine;
	}

	private static @Nullable String joinLines(@Nullable String... lines) {
		String joined = Arrays.stream(lines).filter((l) -> l != null && !l.isBlank()).collect(Collectors.joining("\n"));
		return joined.isEmpty() ? null : joined;
	}

	private static String time(Instant instant, ZoneId zone) {
		return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static String abbreviate(String text) {
		String value = text.strip();
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
