package org.oneweek.places;

import org.jspecify.annotations.Nullable;

/**
 * Where a village or a street is: its centre and, when known, its boundary as a GeoJSON
 * geometry (Polygon or MultiPolygon, WGS-84).
 *
 * @param placeId the village's or the township's id
 */
public record PlaceShape(long placeId, Coordinates centre, @Nullable String boundary) {

}
