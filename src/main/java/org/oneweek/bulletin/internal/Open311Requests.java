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
import org.oneweek.bulletin.FollowUp;
import org.oneweek.bulletin.FollowUpId;
import org.oneweek.bulletin.FollowUpKind;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.bulletin.Open311Keys;
import org.oneweek.bulletin.SubmitFollowUp;
import org.oneweek.bulletin.internal.Open311Documents.Document;
import org.oneweek.bulletin.internal.Open311Documents.Items;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseState;
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
import org.oneweek.places.Coordinates;
import org.oneweek.places.District;
import org.oneweek.places.Geography;
import org.oneweek.places.PlaceShape;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.PhoneNumbers;
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

	/** GeoReport v2: "free form text limited to 4,000 characters". */
	static final int MAX_DESCRIPTION = 4000;

	/** Names as long as FixMyStreet's users write them (the spec sets no limit). */
	static final int MAX_NAME = 200;

	private static final String NOT_A_PHONE = "phone is not a phone number: give a Chinese mobile (11 digits),"
			+ " a fixed line with its area code (0571-88886666) or a number with its country code (+86 ...).";

	static final int MAX_ADDRESS = 500;

	/**
	 * Of a long description, this much goes into the case; all of it is kept with the
	 * request.
	 */
	static final int CASE_TEXT = 1500;

	/** The longest comment a system may post: a villager's follow-up. */
	static final int MAX_COMMENT = FollowUp.MAX_TEXT;

	private final Open311Services services;

	private final Places places;

	private final Cases ledger;

	private final PublicCases cases;

	private final CaseIntake intake;

	private final Open311Keys keys;

	private final MessageSource messages;

	private final Clock clock;

	private final Geography geography;

	private final Open311Records records;

	private final FollowUps followUps;

	Open311Requests(Open311Services services, Places places, Cases ledger, PublicCases cases, CaseIntake intake,
			Open311Keys keys, MessageSource messages, Clock clock, Geography geography, Open311Records records,
			FollowUps followUps) {
		this.geography = geography;
		this.records = records;
		this.followUps = followUps;
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
	 * Records the request as a case in its village, acting as the system whose key it
	 * carries; answers its reference number, a token and where its progress is public
	 * ({@code baseUrl} is the site's public address). The village is the one
	 * {@code attribute[village]} (or {@code address_id}) names; else the one whose
	 * boundary holds {@code lat}/{@code long} (or whose centre is near enough); else the
	 * one {@code address_string} names.
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
		String description = params.first("description");
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description is longer than " + MAX_DESCRIPTION
					+ " characters (the GeoReport v2 limit); send the rest as a service request update.");
		}
		Coordinates point = params.coordinates();
		String address = params.text("address_string", MAX_ADDRESS);
		Village village = village(district, params, point, address);
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
		if (phone != null && !PhoneNumbers.isValid(phone)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, NOT_A_PHONE);
		}
		String email = email(params);
		String mediaUrl = mediaUrl(params);
		String firstName = params.text("first_name", MAX_NAME);
		String lastName = params.text("last_name", MAX_NAME);
		String name = String
			.join(" ", Optional.ofNullable(firstName).orElse(""), Optional.ofNullable(lastName).orElse(""))
			.strip();
		String text = (description != null) ? description.strip() : "";
		String proposed = title(text, category);
		CaseIntake.Recorded recorded;
		try {
			RecordCase command = RecordCase.of(village.id(), category.code(), shorten(proposed, 40))
				.withSource(CaseSource.OPEN311)
				.withType(type)
				.withUrgency(Urgency.NORMAL)
				.withDescription(joinLines(text.isEmpty() ? null : shorten(text, CASE_TEXT),
						(mediaUrl != null) ? "media_url: " + mediaUrl : null, "Open311: " + key.name()))
				.withLocation(
						joinLines(shorten(address, 120),
								(point != null) ? Open311Parameters.degrees(point.lat()) + ","
										+ Open311Parameters.degrees(point.lon()) : null))
				// the request's own words may name people: they wait for a person's
				// review
				.withPublicTitle(messages.getMessage("bulletin.open311.awaitingTitle",
						new Object[] { category.nameZh() }, Open311Services.LEDGER))
				.withReporter(RecordCase.reporter(shorten(name, 40), phone, null, false));
			recorded = intake.record(command, key.principal(), now);
		}
		catch (CaseRuleException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "The request was refused: "
					+ messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), java.util.Locale.ENGLISH));
		}
		records
			.record(new Open311Records.Request(recorded.id(), recorded.reference(), village.id(), key.id(), key.name(),
					point, address, email, firstName, lastName, text.isEmpty() ? null : text, proposed, true, now));
		String token = keys.token(key.id(), recorded.id(), now);
		Map<String, Object> created = Open311Documents.map("service_request_id", recorded.reference(), "token", token,
				"service_notice", "Recorded as " + recorded.reference() + " for " + village.name()
						+ "; its progress is public at " + baseUrl + "/c/" + recorded.reference(),
				"account_id", null);
		return new Document("service_requests", new Items("request", List.of(created)));
	}

	/** The request's village: named, located, or found in the address. */
	private Village village(District district, Open311Parameters params, @Nullable Coordinates point,
			@Nullable String address) {
		List<Village> villages = services.villagesOf(district).stream().filter(Village::active).toList();
		String addressId = params.text("address_id", 40);
		if (addressId != null && addressId.startsWith("#")) {
			// FixMyStreet's #NOTPINPOINTED#: no village named
			addressId = null;
		}
		String villageCode = Optional.ofNullable(params.text("attribute[village]", 40)).orElse(addressId);
		if (villageCode != null) {
			return villages.stream()
				.filter((v) -> v.code().equalsIgnoreCase(villageCode))
				.findFirst()
				.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST, "attribute[village] "
						+ Open311Parameters.abbreviate(villageCode) + " is not a village of this jurisdiction."));
		}
		if (point != null) {
			Optional<VillageId> located = geography.locate(point, villages.stream().map(Village::id).toList());
			if (located.isPresent()) {
				return villages.stream().filter((v) -> v.id().equals(located.get())).findFirst().orElseThrow();
			}
		}
		if (address != null) {
			String normalized = address.replaceAll("\\s", "");
			Optional<Village> named = villages.stream()
				.filter((v) -> normalized.contains(v.name()) || normalized.equalsIgnoreCase(v.code()))
				.max(java.util.Comparator.comparingInt((Village v) -> v.name().length()));
			if (named.isPresent()) {
				return named.get();
			}
		}
		if (point == null && address == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"A location is required: lat and long, address_string or attribute[village] (a code of the service definition).");
		}
		throw new Open311Exception(HttpStatus.BAD_REQUEST,
				((point != null) ? "lat/long lie in no village of this jurisdiction"
						: "address_string names no village of this jurisdiction")
						+ "; give attribute[village] (a code of the service definition).");
	}

	private static @Nullable String email(Open311Parameters params) {
		String email = params.text("email", 254);
		if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+$")) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "email is not an e-mail address.");
		}
		return email;
	}

	private static @Nullable String mediaUrl(Open311Parameters params) {
		String mediaUrl = params.text("media_url", 500);
		if (mediaUrl != null && !mediaUrl.matches("^https?://\\S+$")) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "media_url is not an http(s) address.");
		}
		return mediaUrl;
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
		Map<CaseId, Coordinates> sent = records.coordinates(ids);
		Map<VillageId, PlaceShape> shapes = geography.villages();
		ZoneId zone = clock.getZone();
		List<Map<String, Object>> out = new ArrayList<>();
		for (Case c : found) {
			CaseCategory category = categories.get(c.category());
			Village village = villages.get(c.villageId());
			Township township = townships.get(c.townshipId());
			String statusNotes = (c.result() != null) ? c.result()
					: (c.declineReason() != null) ? c.declineReason() : notes.get(c.id());
			PhotoId photo = photos.get(c.id());
			// where the other system said, else the village's centre (never a villager's
			// doorstep)
			Coordinates at = sent.get(c.id());
			if (at == null && shapes.get(c.villageId()) != null) {
				at = shapes.get(c.villageId()).centre();
			}
			out.add(Open311Documents.map("service_request_id", c.reference(), "status",
					PublicCases.FINISHED.contains(c.state()) ? "closed" : "open", "status_notes", statusNotes,
					"service_name", (category != null) ? category.nameZh() : c.category(), "service_code", c.category(),
					"description", c.publicTitle(), "agency_responsible",
					(c.assignee() != null) ? c.assignee().name() : null, "service_notice", null, "requested_datetime",
					time(c.receivedAt(), zone), "updated_datetime", time(c.updatedAt(), zone), "expected_datetime",
					c.state().isActive() ? time(c.resolutionDue(), zone) : null, "address",
					((village != null) ? village.name() : "") + ((township != null) ? "，" + township.name() : ""),
					"address_id", (village != null) ? village.code() : null, "zipcode", null, "lat",
					(at != null) ? Open311Parameters.degrees(at.lat()) : null, "long",
					(at != null) ? Open311Parameters.degrees(at.lon()) : null, "media_url",
					(photo != null) ? baseUrl + "/c/" + c.reference() + "/photos/" + photo.value() : null));
		}
		return out;
	}

	/**
	 * The description's first line (without FixMyStreet's "title:"), at most 100
	 * characters; the category's name when there is none.
	 */
	static String title(String description, CaseCategory category) {
		String firstLine = description.lines()
			.map(String::strip)
			.filter((l) -> !l.isEmpty())
			.findFirst()
			.orElse("")
			.replaceFirst("^(?i)title:\\s*", "");
		if (firstLine.isEmpty()) {
			return category.nameZh();
		}
		return shorten(firstLine, 100);
	}

	/** At most {@code max} characters, an ellipsis marking a cut. */
	static @Nullable String shorten(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}

	// ---- servicerequestupdates (mySociety's extension, as FixMyStreet uses it)
	// ----------

	/**
	 * The public entries of the jurisdiction's cases between {@code start_date} and
	 * {@code end_date} (the last day when neither is given), as updates: each with its
	 * update_id, the request's id, the status the case has since, when, what the board
	 * says and the photo's address. A key is not needed; one that is sent must be valid.
	 */
	public Document updates(Open311Parameters params, String baseUrl, Function<CaseEvent, String> describe) {
		String apiKey = params.first("api_key");
		if (apiKey != null && !apiKey.isBlank() && keys.authenticate(apiKey, clock.instant()).isEmpty()) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "Invalid api_key received.");
		}
		District district = services.district(params.first("jurisdiction_id"));
		Instant end = params.date("end_date", true, clock.getZone());
		Instant start = params.date("start_date", false, clock.getZone());
		if (end == null) {
			end = clock.instant();
		}
		if (start == null) {
			start = end.minus(Duration.ofDays(1));
		}
		if (start.isAfter(end)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date is after end_date.");
		}
		ZoneId zone = clock.getZone();
		List<Map<String, Object>> out = new ArrayList<>();
		for (PublicCases.PublicUpdate u : cases.publicUpdates(services.townshipIds(district), start, end,
				Open311Parameters.MAX_RESULTS)) {
			CaseEvent e = u.event();
			CaseState state = (e.toState() != null) ? e.toState() : u.state();
			Object photo = (e.kind() == CaseEvent.Kind.PHOTO) ? e.get("photoId") : null;
			out.add(Open311Documents.map("update_id", "E" + e.id(), "service_request_id", u.reference(), "status",
					status(state), "updated_datetime", time(e.at(), zone), "description", describe.apply(e),
					"media_url", (photo != null) ? baseUrl + "/c/" + u.reference() + "/photos/" + photo : null));
		}
		return new Document("service_request_updates", new Items("request_update", out));
	}

	/**
	 * A case's state in the words of FixMyStreet's extended statuses (it lower-cases them
	 * and reads open, closed, fixed, in progress, action scheduled, duplicate and no
	 * further action).
	 */
	static String status(CaseState state) {
		return switch (state) {
			case RECEIVED, REOPENED -> "open";
			case ASSIGNED -> "action_scheduled";
			case IN_PROGRESS -> "in_progress";
			case RESOLVED -> "fixed";
			case CLOSED -> "closed";
			case MERGED -> "duplicate";
			case DECLINED -> "no_further_action";
		};
	}

	/**
	 * A comment on a request from the other system's user (a villager): it becomes a
	 * follow-up in the village committee's queue, its words private. {@code update_id} is
	 * the other system's id for it: posting it again answers the same update.
	 * {@code status} REOPEN says it is still not fixed (a resolved case is reopened for
	 * review); any other status is information.
	 */
	public Document postUpdate(@Nullable String apiKey, Open311Parameters params) {
		Instant now = clock.instant();
		Open311Keys.Key key = keys.authenticate(apiKey, now)
			.orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN,
					"Invalid api_key received -- can't proceed with the update."));
		District district = services.district(params.first("jurisdiction_id"));
		String id = params.text("service_request_id", 40);
		if (id == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_request_id was not provided.");
		}
		String reference = id.toUpperCase(java.util.Locale.ROOT);
		if (cases
			.find(services.townshipIds(district),
					new PublicCases.Filter(List.of(reference), List.of(), null, null, null, 1))
			.isEmpty()) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " was not found.");
		}
		String description = params.first("description");
		if (description != null && description.strip().length() > MAX_COMMENT) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description is longer than " + MAX_COMMENT
					+ " characters: a comment is read by the village committee; send a shorter one.");
		}
		String mediaUrl = mediaUrl(params);
		String text = joinLines((description != null) ? description.strip() : null,
				(mediaUrl != null) ? "media_url: " + mediaUrl : null);
		if (text == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description was not provided.");
		}
		if (text.length() > MAX_COMMENT) {
			text = description.strip();
		}
		String phone = params.text("phone", 20);
		if (phone != null && !PhoneNumbers.isValid(phone)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, NOT_A_PHONE);
		}
		String email = email(params);
		String externalId = params.text("update_id", 60);
		String status = params.text("status", 40);
		Instant updated = params.date("updated_datetime", false, clock.getZone());
		if (externalId != null) {
			Optional<FollowUpId> earlier = records.commentTaken(key.id(), externalId);
			if (earlier.isPresent()) {
				return updateAnswer(earlier.get());
			}
		}
		FollowUpKind kind = "REOPEN".equalsIgnoreCase(status) ? FollowUpKind.NOT_FIXED : FollowUpKind.INFO;
		FollowUps.Submitted submitted;
		try {
			submitted = followUps.submitFromSystem(reference,
					new SubmitFollowUp(kind, text, null, phone,
							(externalId != null) ? "open311:" + key.id() + ":" + externalId : null),
					"open311-key-" + key.id(), now);
		}
		catch (CaseRuleException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "The update was refused: "
					+ messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), java.util.Locale.ENGLISH));
		}
		records.comment(submitted.id(), key.id(), externalId, status, params.text("first_name", MAX_NAME),
				params.text("last_name", MAX_NAME), email, updated, now);
		return updateAnswer(submitted.id());
	}

	private static Document updateAnswer(FollowUpId id) {
		return new Document("service_request_updates",
				new Items("request_update", List.of(Open311Documents.map("update_id", "F" + id.value()))));
	}

	private static @Nullable String joinLines(@Nullable String... lines) {
		String joined = Arrays.stream(lines).filter((l) -> l != null && !l.isBlank()).collect(Collectors.joining("\n"));
		return joined.isEmpty() ? null : joined;
	}

	private static String time(Instant instant, ZoneId zone) {
		return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
