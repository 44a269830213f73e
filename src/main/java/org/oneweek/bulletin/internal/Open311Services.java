package org.oneweek.bulletin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BulletinProperties;
import org.oneweek.bulletin.internal.Open311Documents.Document;
import org.oneweek.bulletin.internal.Open311Documents.Items;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.places.District;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Open311 offers: discovery, the services (the ledger's active case categories) and
 * their definitions, in the jurisdiction (a district) a request names or the one
 * configured.
 */
@Component
public class Open311Services {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this API last changed, for discovery. */
	static final String CHANGESET = "2026-11-27T00:00:00+08:00";

	/** The ledger is kept in Chinese. */
	static final Locale LEDGER = Locale.SIMPLIFIED_CHINESE;

	private final Places places;

	private final Cases ledger;

	private final MessageSource messages;

	private final BulletinProperties properties;

	Open311Services(Places places, Cases ledger, MessageSource messages, BulletinProperties properties) {
		this.places = places;
		this.ledger = ledger;
		this.messages = messages;
		this.properties = properties;
	}

	/** The endpoint at {@code baseUrl} (the site's public address) and its formats. */
	public Document discovery(String baseUrl) {
		Map<String, Object> endpoint = Open311Documents.map("specification", SPECIFICATION, "url",
				baseUrl + "/open311/v2", "changeset", CHANGESET, "type", "production", "formats",
				new Items("format", List.of("text/xml", "application/json")));
		String district = places.districts().stream().map(District::name).collect(Collectors.joining(", "));
		Map<String, Object> discovery = Open311Documents.map("changeset", CHANGESET, "contact",
				"Organization Department (组织部), " + district, "key_service",
				"Keys are issued by the district's Organization Department (组织部) on the oneweek site.", "endpoints",
				new Items("endpoint", List.of(endpoint)));
		return new Document("discovery", discovery);
	}

	public Document services(@Nullable String jurisdiction) {
		district(jurisdiction);
		List<Map<String, Object>> services = new ArrayList<>();
		for (CaseCategory category : activeCategories()) {
			services.add(Open311Documents.map("service_code", category.code(), "service_name", category.nameZh(),
					"description", category.nameEn(), "metadata", true, "type", "realtime", "keywords",
					category.nameEn().toLowerCase(Locale.ROOT), "group", null));
		}
		return new Document("services", new Items("service", services));
	}

	/** A service asks for the village (required) and the case's type (optional). */
	public Document definition(String code, @Nullable String jurisdiction) {
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
		return new Document("service_definition", definition);
	}

	/** The district a request names; none names the configured one, or the only one. */
	District district(@Nullable String jurisdiction) {
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
					"jurisdiction_id " + Open311Parameters.abbreviate(jurisdiction) + " was not found."));
	}

	List<TownshipId> townshipIds(District district) {
		return places.townships()
			.stream()
			.filter((t) -> t.districtId().equals(district.id()))
			.map(Township::id)
			.toList();
	}

	List<Village> villagesOf(District district) {
		List<TownshipId> townships = townshipIds(district);
		return places.villages().stream().filter((v) -> townships.contains(v.townshipId())).toList();
	}

	/** An active category by its code, as a service_code names it. */
	CaseCategory category(String code) {
		return activeCategories().stream()
			.filter((c) -> c.code().equals(code.strip().toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
					"service_code " + Open311Parameters.abbreviate(code) + " was not found."));
	}

	private List<CaseCategory> activeCategories() {
		return ledger.categories().stream().filter(CaseCategory::active).toList();
	}

}
