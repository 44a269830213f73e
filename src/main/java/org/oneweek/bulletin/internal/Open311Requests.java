package org.oneweek.bulletin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.Open311Keys;
import org.oneweek.bulletin.internal.Open311Documents.Document;
import org.oneweek.bulletin.internal.Open311Documents.Items;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseCommands;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PhotoId;
import org.oneweek.casework.PublicCases;
import org.oneweek.casework.Urgency;
import org.oneweek.places.District;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Open311's service requests: a request another system posts becomes a case recorded
 * through the ledger's intake, and cases are answered as requests with only what the
 * public board shows (no reporter, no internal note, no exact location); the request's id
 * is the case's reference number.
 *
 * <p>
 * Not transactional as a whole: the key's last use is remembered even when the request is
 * then refused, and the case is recorded by the intake's own transaction.
 */
@Service
public class Open311Requests {

	static final int MAX_DESCRIPTION = 4000;

	private final Open311Services services;

	private final Places places;

	private final Cases ledger;

	private final PublicCases cases;

	private final CaseIntake intake;

	private final Open311Keys keys;

	private final MessageSource messages;

	private final Clock clock;

	Open311Requests(Open311Services services, Places places, Cases ledger, PublicCases cases, CaseIntake intake,
			Open311Keys keys, MessageSource messages, Clock clock) {
		this.services = services;
		this.places = places;
		this.ledger = ledger;
		this.cases = cases;
		this.intake = intake;
		this.keys = keys;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Records the request as a case in the village it names, acting as the system whose
	 * key it carries; answers its reference number, a token and where its progress is
	 * public ({@code baseUrl} is the site's public address).
	 */
	public Document create(@Nullable String apiKey, Open311Parameters params, String baseUrl) {
		Instant now = clock.instant();
		Open311Keys.Key key = keys.authenticate(apiKey, now)
			.orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN,
					"Invalid api_key received -- can't proceed with create_request."));
		District district = services.district(params.first("jurisdiction_id"));
		String serviceCode = params.text("service_code", 40);
		if (serviceCode == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code was not provided.");
		}
		CaseCategory category = services.category(serviceCode);
		String villageCode = Optional.ofNullable(params.text("attribute[village]", 40))
			.orElse(params.text("address_id", 40));
		if (villageCode == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"attribute[village] (or address_id) is required: the village's code, see the service definition.");
		}
		Village village = services.villagesOf(district)
			.stream()
			.filter((v) -> v.code().equalsIgnoreCase(villageCode) && v.active())
			.findFirst()
			.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
					"attribute[village] " + villageCode + " is not a village of this jurisdiction."));
		String description = params.first("description");
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"description is longer than " + MAX_DESCRIPTION + " characters.");
		}
		String position = params.position();
		String address = params.text("address_string", 200);
		CaseType type = CaseType.HELP;
		String typeCode = params.text("attribute[case_type]", 20);
		if (typeCode != null) {
			type = Arrays.stream(CaseType.values())
				.filter((t) -> t.name().equalsIgnoreCase(typeCode))
				.findFirst()
				.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
						"attribute[case_type] " + typeCode + " is not one of the service definition's values."));
		}
		String phone = params.text("phone", 20);
		if (phone != null && !phone.matches(CaseCommands.PHONE_PATTERN)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "phone is not a phone number.");
		}
		String mediaUrl = params.text("media_url", 500);
		if (mediaUrl != null && !mediaUrl.matches("^https?://\\S+$")) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "media_url is not an http(s) address.");
		}
		String name = String
			.join(" ", Optional.ofNullable(params.text("first_name", 20)).orElse(""),
					Optional.ofNullable(params.text("last_name", 20)).orElse(""))
			.strip();
		String text = (description != null) ? description.strip() : "";
		CaseIntake.Recorded recorded;
		try {
			RecordCase command = RecordCase.of(village.id(), category.code(), title(text, category))
				.withSource(CaseSource.PHONE)
				.withType(type)
				.withUrgency(Urgency.NORMAL)
				.withDescription(joinLines(text.isEmpty() ? null : text,
						(mediaUrl != null) ? "media_url: " + mediaUrl : null, "Open311: " + key.name()))
				.withLocation(joinLines(address, position))
				// the request's own words may name people: the board gets a neutral title
				.withPublicTitle(messages.getMessage("bulletin.open311.publicTitle", new Object[] { category.nameZh() },
						Open311Services.LEDGER))
				.withReporter(RecordCase.reporter(name, phone, null, false));
			recorded = intake.record(command, key.principal(), now);
		}
		catch (CaseRuleException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "The request was refused: " + ex.messageKey());
		}
		String token = keys.token(key.id(), recorded.id(), now);
		Map<String, Object> created = Open311Documents.map("service_request_id", recorded.reference(), "token", token,
				"service_notice", "Recorded as " + recorded.reference() + " for " + village.name()
						+ "; its progress is public at " + baseUrl + "/c/" + recorded.reference(),
				"account_id", null);
		return new Document("service_requests", new Items("request", List.of(created)));
	}

	/**
	 * The requests the parameters ask for: by id, or by service, dates (the last 90 days
	 * when none) and status.
	 */
	public Document list(Open311Parameters params, String baseUrl) {
		District district = services.district(params.first("jurisdiction_id"));
		List<String> ids = params.csv("service_request_id");
		PublicCases.Filter filter;
		if (!ids.isEmpty()) {
			// the spec: with ids, every other filter is ignored
			filter = new PublicCases.Filter(ids.stream().map((id) -> id.toUpperCase(Locale.ROOT)).toList(), List.of(),
					null, null, null, Open311Parameters.MAX_RESULTS);
		}
		else {
			List<String> codes = params.csv("service_code");
			for (String code : codes) {
				services.category(code);
			}
			Instant end = params.date("end_date", true, clock.getZone());
			Instant start = params.date("start_date", false, clock.getZone());
			if (start == null && end == null) {
				start = clock.instant().minus(Duration.ofDays(90));
			}
			if (start != null && end != null && start.isAfter(end)) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date is after end_date.");
			}
			filter = new PublicCases.Filter(List.of(), codes, start, end, params.closed(),
					Open311Parameters.MAX_RESULTS);
		}
		List<Case> found = cases.find(services.townshipIds(district), filter);
		return new Document("service_requests", new Items("request", requests(found, baseUrl)));
	}

	/** One request by its id. */
	public Document one(String id, @Nullable String jurisdiction, String baseUrl) {
		District district = services.district(jurisdiction);
		List<Case> found = cases.find(services.townshipIds(district),
				new PublicCases.Filter(List.of(id.strip().toUpperCase(Locale.ROOT)), List.of(), null, null, null, 1));
		if (found.isEmpty()) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " was not found.");
		}
		return new Document("service_requests", new Items("request", requests(found, baseUrl)));
	}

	/** The request a token given at its creation stands for. */
	public Document token(String token, @Nullable String jurisdiction) {
		services.district(jurisdiction);
		String reference = (token.length() <= 64) ? keys.caseOfToken(token).flatMap(cases::referenceOf).orElse(null)
				: null;
		if (reference == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " was not found.");
		}
		return new Document("service_requests",
				new Items("request", List.of(Open311Documents.map("service_request_id", reference, "token", token))));
	}

	/** Cases as Open311 requests: only what the public board shows. */
	private List<Map<String, Object>> requests(List<Case> found, String baseUrl) {
		List<CaseId> ids = found.stream().map(Case::id).toList();
		Map<CaseId, String> notes = cases.latestPublicNotes(ids);
		Map<CaseId, PhotoId> photos = cases.firstPhotos(ids);
		Map<String, CaseCategory> categories = ledger.categories()
			.stream()
			.collect(Collectors.toMap(CaseCategory::code, Function.identity()));
		Map<VillageId, Village> villages = places.villages()
			.stream()
			.collect(Collectors.toMap(Village::id, Function.identity()));
		Map<TownshipId, Township> townships = places.townships()
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
			PhotoId photo = photos.get(c.id());
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
					(photo != null) ? baseUrl + "/c/" + c.reference() + "/photos/" + photo.value() : null));
		}
		return out;
	}

	/**
	 * The description's first line, shortened; the category's name when there is none.
	 */
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

}
