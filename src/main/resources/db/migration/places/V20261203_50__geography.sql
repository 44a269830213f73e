-- Where villages and streets are: a centre and a boundary (a GeoJSON Polygon or
-- MultiPolygon geometry, WGS-84 longitude/latitude), imported or edited by the
-- organization department. Open311 finds a request's village from its coordinates with
-- them; the case page and the board draw a small map from them.
create table village_geography (
    village_id  bigint primary key references village (id),
    centre_lat  double precision not null check (centre_lat between -90 and 90),
    centre_lon  double precision not null check (centre_lon between -180 and 180),
    boundary    jsonb,
    updated_at  timestamptz not null,
    updated_by  text not null
);

create table township_geography (
    township_id bigint primary key references township (id),
    centre_lat  double precision not null check (centre_lat between -90 and 90),
    centre_lon  double precision not null check (centre_lon between -180 and 180),
    boundary    jsonb,
    updated_at  timestamptz not null,
    updated_by  text not null
);
