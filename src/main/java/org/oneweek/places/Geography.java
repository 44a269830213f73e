package org.oneweek.places;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Coordinate;
import org.oneweek.places.internal.GeoJson;
import org.oneweek.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where villages and streets are (centre and boundary, WGS-84), and which village a point
 * lies in: inside a village's boundary (JTS), or else the village whose centre is
 * nearest, if it is within {@code oneweek.places.nearest-centre-metres} (default 2,000
 * m).
 */
@Service
public class Geography {

	private static final RowMapper<PlaceShape> SHAPE = Geography::map;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final double nearestMetres;

	Geography(JdbcClient jdbc, AuditLog audit,
			@Value("${oneweek.places.nearest-centre-metres:2000}") double nearestMetres) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.nearestMetres = nearestMetres;
	}

	/** Every village's shape, by village id. */
	@Transactional(readOnly = true)
	public Map<VillageId, PlaceShape> villages() {
		Map<VillageId, PlaceShape> out = new LinkedHashMap<>();
		jdbc.sql(
				"select village_id as place_id, centre_lat, centre_lon, boundary::text as boundary from village_geography order by village_id")
			.query(SHAPE)
			.list()
			.forEach((s) -> out.put(VillageId.of(s.placeId()), s));
		return out;
	}

	@Transactional(readOnly = true)
	public Optional<PlaceShape> village(VillageId id) {
		return jdbc.sql(
				"select village_id as place_id, centre_lat, centre_lon, boundary::text as boundary from village_geography where village_id = ?")
			.param(id.value())
			.query(SHAPE)
			.optional();
	}

	/** Every street's (township's) shape, by township id. */
	@Transactional(readOnly = true)
	public Map<TownshipId, PlaceShape> townships() {
		Map<TownshipId, PlaceShape> out = new LinkedHashMap<>();
		jdbc.sql(
				"select township_id as place_id, centre_lat, centre_lon, boundary::text as boundary from township_geography order by township_id")
			.query(SHAPE)
			.list()
			.forEach((s) -> out.put(TownshipId.of(s.placeId()), s));
		return out;
	}

	/**
	 * The village among {@code candidates} that the point lies in, or whose centre is
	 * nearest within the configured distance.
	 */
	@Transactional(readOnly = true)
	public Optional<VillageId> locate(Coordinates point, Collection<VillageId> candidates) {
		Map<VillageId, PlaceShape> shapes = villages();
		Point p = GeoJson.FACTORY.createPoint(new Coordinate(point.lon(), point.lat()));
		for (VillageId id : candidates) {
			PlaceShape shape = shapes.get(id);
			if (shape != null && shape.boundary() != null && GeoJson.read(shape.boundary()).covers(p)) {
				return Optional.of(id);
			}
		}
		return candidates.stream()
			.filter(shapes::containsKey)
			.map((id) -> Map.entry(id, shapes.get(id).centre().metresTo(point)))
			.filter((e) -> e.getValue() <= nearestMetres)
			.min(Comparator.comparingDouble(Map.Entry::getValue))
			.map(Map.Entry::getKey);
	}

	/**
	 * Sets where a village is. Without a centre, the boundary's interior point is taken.
	 * @throws PlaceRuleException when neither is given or the boundary is not a valid
	 * Polygon or MultiPolygon
	 */
	@Transactional
	public void setVillage(VillageId id, @Nullable Coordinates centre, @Nullable String boundary, String actor,
			Instant now) {
		save("village_geography", "village_id", id, id.value(), shape(centre, boundary), actor, now);
	}

	/** Sets where a street (township) is; as {@link #setVillage}. */
	@Transactional
	public void setTownship(TownshipId id, @Nullable Coordinates centre, @Nullable String boundary, String actor,
			Instant now) {
		save("township_geography", "township_id", id, id.value(), shape(centre, boundary), actor, now);
	}

	/** One place's row of its geography table (named here, never from input), audited. */
	private void save(String table, String key, Object id, long value, Shape shape, String actor, Instant now) {
		jdbc.sql("insert into " + table + " (" + key
				+ ", centre_lat, centre_lon, boundary, updated_at, updated_by) values (?, ?, ?, ?::jsonb, ?, ?) "
				+ "on conflict (" + key + ") do update set centre_lat = excluded.centre_lat, "
				+ "centre_lon = excluded.centre_lon, boundary = excluded.boundary, updated_at = excluded.updated_at, "
				+ "updated_by = excluded.updated_by")
			.params(value, shape.centre.lat(), shape.centre.lon(), shape.boundary, Timestamp.from(now), actor)
			.update();
		audit.record(table, id, "set", actor, null, values(shape));
	}

	/** A boundary as stored: checked, and written in one canonical form. */
	public static String boundary(String geoJson) {
		return GeoJson.write(GeoJson.read(geoJson));
	}

	private record Shape(Coordinates centre, @Nullable String boundary) {

	}

	private static Shape shape(@Nullable Coordinates centre, @Nullable String boundary) {
		Geometry geometry = (boundary != null && !boundary.isBlank()) ? GeoJson.read(boundary) : null;
		if (centre == null && geometry == null) {
			throw new PlaceRuleException("places.geo.nothing");
		}
		Coordinates c = centre;
		if (c == null) {
			Point interior = geometry.getInteriorPoint();
			c = new Coordinates(interior.getY(), interior.getX());
		}
		return new Shape(c, (geometry != null) ? GeoJson.write(geometry) : null);
	}

	private static Map<String, Object> values(Shape shape) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("centre", shape.centre.lat() + "," + shape.centre.lon());
		values.put("boundary",
				(shape.boundary != null) ? "GeoJSON, " + shape.boundary.length() + " characters" : "none");
		return values;
	}

	private static PlaceShape map(ResultSet rs, int n) throws SQLException {
		return new PlaceShape(rs.getLong("place_id"),
				new Coordinates(rs.getDouble("centre_lat"), rs.getDouble("centre_lon")), rs.getString("boundary"));
	}

	/** The villages as points, for those callers that only need centres. */
	public static List<Coordinates> centres(Collection<PlaceShape> shapes) {
		return shapes.stream().map(PlaceShape::centre).toList();
	}

}
