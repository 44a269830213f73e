package org.oneweek.places.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.oneweek.places.PlaceRuleException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON boundaries (RFC 7946: WGS-84, longitude first) to JTS geometries and back. Only
 * areas are boundaries: a Polygon or a MultiPolygon, bare or in a Feature. jts-core has
 * no GeoJSON reader of its own (that is jts-io), and these two types are all a boundary
 * is.
 */
public final class GeoJson {

	/**
	 * A boundary with more points than this is refused (a village is drawn, not
	 * surveyed).
	 */
	public static final int MAX_POINTS = 20_000;

	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GeoJson() {
	}

	/** The boundary a GeoJSON text describes, checked to be a valid area. */
	public static Geometry read(String text) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new PlaceRuleException("places.geo.notJson");
		}
		return read(node);
	}

	public static Geometry read(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new PlaceRuleException("places.geo.notGeometry");
		}
		String type = node.path("type").asString("");
		if ("Feature".equals(type)) {
			return read(node.path("geometry"));
		}
		Geometry geometry;
		int[] points = { 0 };
		try {
			geometry = switch (type) {
				case "Polygon" -> polygon(node.path("coordinates"), points);
				case "MultiPolygon" -> {
					List<Polygon> polygons = new ArrayList<>();
					for (JsonNode p : array(node.path("coordinates"))) {
						polygons.add(polygon(p, points));
					}
					if (polygons.isEmpty()) {
						throw new PlaceRuleException("places.geo.notGeometry");
					}
					yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
				}
				default -> throw new PlaceRuleException("places.geo.notGeometry");
			};
		}
		catch (IllegalArgumentException ex) {
			// JTS refuses rings that are not closed or have fewer than four points
			throw new PlaceRuleException("places.geo.invalid");
		}
		if (!geometry.isValid() || geometry.isEmpty()) {
			throw new PlaceRuleException("places.geo.invalid");
		}
		return geometry;
	}

	private static Polygon polygon(JsonNode rings, int[] points) {
		List<LinearRing> parts = new ArrayList<>();
		for (JsonNode ring : array(rings)) {
			List<Coordinate> coordinates = new ArrayList<>();
			for (JsonNode position : array(ring)) {
				if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
						|| !position.get(1).isNumber()) {
					throw new PlaceRuleException("places.geo.notGeometry");
				}
				double lon = position.get(0).asDouble();
				double lat = position.get(1).asDouble();
				if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
					throw new PlaceRuleException("places.geo.coordinates");
				}
				if (++points[0] > MAX_POINTS) {
					throw new PlaceRuleException("places.geo.tooLarge", MAX_POINTS);
				}
				coordinates.add(new Coordinate(lon, lat));
			}
			parts.add(FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new)));
		}
		if (parts.isEmpty()) {
			throw new PlaceRuleException("places.geo.notGeometry");
		}
		return FACTORY.createPolygon(parts.get(0), parts.subList(1, parts.size()).toArray(LinearRing[]::new));
	}

	private static List<JsonNode> array(JsonNode node) {
		if (node == null || !node.isArray()) {
			throw new PlaceRuleException("places.geo.notGeometry");
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		return items;
	}

	/** The geometry as GeoJSON, coordinates with seven decimals (about a centimetre). */
	public static String write(Geometry geometry) {
		StringBuilder out = new StringBuilder();
		if (geometry instanceof Polygon polygon) {
			out.append("{\"type\":\"Polygon\",\"coordinates\":");
			rings(polygon, out);
		}
		else if (geometry instanceof MultiPolygon multi) {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				if (i > 0) {
					out.append(',');
				}
				rings((Polygon) multi.getGeometryN(i), out);
			}
			out.append(']');
		}
		else {
			throw new PlaceRuleException("places.geo.notGeometry");
		}
		return out.append('}').toString();
	}

	private static void rings(Polygon polygon, StringBuilder out) {
		out.append('[');
		for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
			if (r > 0) {
				out.append(',');
			}
			LinearRing ring = (r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
			out.append('[');
			Coordinate[] coordinates = ring.getCoordinates();
			for (int i = 0; i < coordinates.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append('[')
					.append(number(coordinates[i].x))
					.append(',')
					.append(number(coordinates[i].y))
					.append(']');
			}
			out.append(']');
		}
		out.append(']');
	}

	static String number(double value) {
		String text = String.format(Locale.ROOT, "%.7f", value);
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

}
