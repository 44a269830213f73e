package org.oneweek.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.oneweek.places.internal.GeoJson;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Small maps drawn on the server as inline SVG from the stored boundaries: a village
 * among the other villages of its street, no tiles and no request leaving the site.
 * Longitude is scaled by the cosine of the latitude, so shapes keep their proportions at
 * the district's size.
 */
@Service
public class VillageMaps {

	private static final int WIDTH = 320;

	private final Places places;

	private final Geography geography;

	VillageMaps(Places places, Geography geography) {
		this.places = places;
		this.geography = geography;
	}

	/**
	 * The village's street with the village highlighted, and {@code marker} (a request's
	 * point) when given; empty when the village has no shape.
	 */
	public String villageInStreet(VillageId villageId, @Nullable Coordinates marker, String title) {
		Village village = places.village(villageId).orElse(null);
		if (village == null) {
			return "";
		}
		Map<VillageId, PlaceShape> shapes = geography.villages();
		if (!shapes.containsKey(villageId)) {
			return "";
		}
		List<Village> street = places.villages()
			.stream()
			.filter((v) -> v.townshipId().equals(village.townshipId()) && shapes.containsKey(v.id()))
			.toList();
		return draw(street, shapes, villageId, marker, title);
	}

	/** Every village of the district that has a shape. */
	public String district(String title) {
		Map<VillageId, PlaceShape> shapes = geography.villages();
		List<Village> all = places.villages().stream().filter((v) -> shapes.containsKey(v.id())).toList();
		return all.isEmpty() ? "" : draw(all, shapes, null, null, title);
	}

	private static String draw(List<Village> villages, Map<VillageId, PlaceShape> shapes,
			@Nullable VillageId highlighted, @Nullable Coordinates marker, String title) {
		Envelope box = new Envelope();
		List<Geometry> geometries = new ArrayList<>();
		for (Village v : villages) {
			PlaceShape s = shapes.get(v.id());
			Geometry g = (s.boundary() != null) ? GeoJson.read(s.boundary()) : null;
			geometries.add(g);
			if (g != null) {
				box.expandToInclude(g.getEnvelopeInternal());
			}
			box.expandToInclude(s.centre().lon(), s.centre().lat());
		}
		if (marker != null) {
			box.expandToInclude(marker.lon(), marker.lat());
		}
		double cos = Math.cos(Math.toRadians(box.centre().y));
		double spanX = Math.max(box.getWidth() * cos, 1e-4);
		double spanY = Math.max(box.getHeight(), 1e-4);
		double pad = 8;
		double scale = (WIDTH - 2 * pad) / spanX;
		int height = (int) Math.ceil(spanY * scale + 2 * pad);
		Projection p = new Projection(box.getMinX(), box.getMaxY(), cos, scale, pad);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"village-map\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\"><title>")
			.append(HtmlUtils.htmlEscape(title))
			.append("</title>");
		for (int i = 0; i < villages.size(); i++) {
			Village v = villages.get(i);
			boolean on = v.id().equals(highlighted);
			Geometry g = geometries.get(i);
			if (g != null) {
				svg.append("<path d=\"")
					.append(path(g, p))
					.append("\" fill=\"")
					.append(on ? "#f4c26b" : "#e8eef3")
					.append("\" stroke=\"")
					.append(on ? "#b5651d" : "#7a8b99")
					.append("\" fill-rule=\"evenodd\" stroke-width=\"")
					.append(on ? "2" : "1")
					.append("\"/>");
			}
		}
		for (Village v : villages) {
			Coordinates c = shapes.get(v.id()).centre();
			svg.append("<text x=\"")
				.append(n(p.x(c.lon())))
				.append("\" y=\"")
				.append(n(p.y(c.lat())))
				.append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2a33\">")
				.append(HtmlUtils.htmlEscape(v.name()))
				.append("</text>");
		}
		if (marker != null) {
			svg.append("<circle cx=\"")
				.append(n(p.x(marker.lon())))
				.append("\" cy=\"")
				.append(n(p.y(marker.lat())))
				.append("\" r=\"5\" fill=\"#c0392b\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
		}
		return svg.append("</svg>").toString();
	}

	private record Projection(double west, double north, double cos, double scale, double pad) {

		double x(double lon) {
			return pad + (lon - west) * cos * scale;
		}

		double y(double lat) {
			return pad + (north - lat) * scale;
		}

	}

	private static String path(Geometry g, Projection p) {
		StringBuilder d = new StringBuilder();
		for (int i = 0; i < g.getNumGeometries(); i++) {
			Polygon polygon = (Polygon) g.getGeometryN(i);
			for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
				Coordinate[] ring = ((r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1))
					.getCoordinates();
				for (int k = 0; k < ring.length; k++) {
					d.append((k == 0) ? 'M' : 'L').append(n(p.x(ring[k].x))).append(',').append(n(p.y(ring[k].y)));
				}
				d.append('Z');
			}
		}
		return d.toString();
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
