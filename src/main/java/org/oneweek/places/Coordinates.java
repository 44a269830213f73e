package org.oneweek.places;

/**
 * A point in WGS-84 decimal degrees (as GPS, Open311 and GeoJSON give it; GeoJSON writes
 * longitude first).
 */
public record Coordinates(double lat, double lon) {

	public Coordinates {
		if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
			throw new PlaceRuleException("places.geo.coordinates");
		}
	}

	/**
	 * The distance in metres along the earth's surface (haversine, a sphere of 6371 km).
	 */
	public double metresTo(Coordinates other) {
		double p1 = Math.toRadians(lat);
		double p2 = Math.toRadians(other.lat);
		double dp = p2 - p1;
		double dl = Math.toRadians(other.lon - lon);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * 6_371_000 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
