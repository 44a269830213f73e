package org.oneweek.places.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.oneweek.places.Coordinates;
import org.oneweek.places.Geography;
import org.oneweek.places.PlaceRuleException;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Village and street geography from a file, all or nothing: a GeoJSON FeatureCollection
 * (each feature's {@code properties.code} names a village or a street; a Polygon or
 * MultiPolygon is its boundary, a Point its centre, and {@code properties.lat/lon} may
 * give the centre too), or a CSV of centres (编码/code, 纬度/lat, 经度/lon or lng).
 */
@Service
public class GeographyImport {

	public static final int MAX_BYTES = 15 * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Places places;

	private final Geography geography;

	GeographyImport(Places places, Geography geography) {
		this.places = places;
		this.geography = geography;
	}

	/**
	 * A row or feature that cannot be taken: where, and why (a message key and its
	 * arguments).
	 */
	public record Problem(int item, String messageKey, Object... arguments) {

	}

	/** What a file held: places set, or the problems found (then nothing was set). */
	public record Result(int set, List<Problem> problems) {

	}

	private record Item(int number, String code, @Nullable Coordinates centre, @Nullable String boundary) {

	}

	@Transactional
	public Result apply(byte[] bytes, String actor, Instant now) {
		if (bytes.length > MAX_BYTES) {
			return new Result(0, List.of(new Problem(0, "places.geo.import.tooLarge")));
		}
		String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
		List<Problem> problems = new ArrayList<>();
		List<Item> items = text.stripLeading().startsWith("{") ? geoJson(text, problems) : csv(text, problems);
		List<Runnable> writes = new ArrayList<>();
		for (Item item : items) {
			Optional<Village> village = places.villageByCode(item.code());
			Optional<Township> township = village.isPresent() ? Optional.empty() : places.townshipByCode(item.code());
			if (village.isEmpty() && township.isEmpty()) {
				problems.add(new Problem(item.number(), "places.geo.import.unknownCode", item.code()));
				continue;
			}
			try {
				if (item.boundary() != null) {
					Geography.boundary(item.boundary());
				}
				if (item.centre() == null && item.boundary() == null) {
					throw new PlaceRuleException("places.geo.nothing");
				}
			}
			catch (PlaceRuleException ex) {
				problems.add(new Problem(item.number(), ex.messageKey(), ex.arguments()));
				continue;
			}
			writes.add(village.isPresent()
					? () -> geography.setVillage(village.get().id(), item.centre(), item.boundary(), actor, now)
					: () -> geography.setTownship(township.get().id(), item.centre(), item.boundary(), actor, now));
		}
		if (items.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "places.geo.import.empty"));
		}
		if (!problems.isEmpty()) {
			return new Result(0, problems);
		}
		writes.forEach(Runnable::run);
		return new Result(writes.size(), List.of());
	}

	private static List<Item> geoJson(String text, List<Problem> problems) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			problems.add(new Problem(0, "places.geo.notJson"));
			return List.of();
		}
		List<JsonNode> features = new ArrayList<>();
		if ("FeatureCollection".equals(root.path("type").asString(""))) {
			root.path("features").forEach(features::add);
		}
		else if ("Feature".equals(root.path("type").asString(""))) {
			features.add(root);
		}
		else {
			problems.add(new Problem(0, "places.geo.import.notFeatures"));
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode f = features.get(i);
			JsonNode props = f.path("properties");
			String code = firstText(props, "code", "编码");
			if (code == null) {
				problems.add(new Problem(i + 1, "places.geo.import.noCode"));
				continue;
			}
			JsonNode geometry = f.path("geometry");
			String type = geometry.path("type").asString("");
			Coordinates centre = null;
			String boundary = null;
			try {
				if ("Point".equals(type)) {
					JsonNode c = geometry.path("coordinates");
					centre = new Coordinates(c.path(1).asDouble(Double.NaN), c.path(0).asDouble(Double.NaN));
				}
				else if (!geometry.isMissingNode() && !geometry.isNull()) {
					boundary = geometry.toString();
				}
				String lat = firstText(props, "lat", "纬度");
				String lon = firstText(props, "lon", "lng", "经度");
				if (lat != null && lon != null) {
					centre = new Coordinates(Double.parseDouble(lat), Double.parseDouble(lon));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem(i + 1, "places.geo.coordinates"));
				continue;
			}
			catch (PlaceRuleException ex) {
				problems.add(new Problem(i + 1, ex.messageKey(), ex.arguments()));
				continue;
			}
			items.add(new Item(i + 1, code.strip(), centre, boundary));
		}
		return items;
	}

	private static @Nullable String firstText(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.path(name);
			if (!value.isMissingNode() && !value.isNull() && !value.asString("").isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	private static List<Item> csv(String text, List<Problem> problems) {
		List<Item> items = new ArrayList<>();
		char delimiter = text.lines()
			.findFirst()
			.map((l) -> l.contains("\t") ? '\t' : l.contains(";") ? ';' : ',')
			.orElse(',');
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(new StringReader(text))) {
			Map<String, Integer> headings = parser.getHeaderMap();
			String code = heading(headings, "编码", "code");
			String lat = heading(headings, "纬度", "lat", "latitude");
			String lon = heading(headings, "经度", "lon", "lng", "long", "longitude");
			if (code == null || lat == null || lon == null) {
				problems.add(new Problem(1, "places.geo.import.headings"));
				return List.of();
			}
			for (CSVRecord row : parser) {
				int number = (int) row.getRecordNumber() + 1;
				try {
					items.add(new Item(number, row.get(code),
							new Coordinates(Double.parseDouble(row.get(lat)), Double.parseDouble(row.get(lon))), null));
				}
				catch (IllegalArgumentException | PlaceRuleException ex) {
					problems.add(new Problem(number, "places.geo.coordinates"));
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			problems.add(new Problem(0, "places.geo.import.notCsv"));
		}
		return items;
	}

	private static @Nullable String heading(Map<String, Integer> headings, String... names) {
		for (String h : headings.keySet()) {
			for (String name : names) {
				if (h.strip().toLowerCase(Locale.ROOT).equals(name)) {
					return h;
				}
			}
		}
		return null;
	}

}
