-- What an Open311 request brought besides the case: the coordinates (WGS-84), the
-- address as the other system wrote it, the sender's e-mail and name (private, like the
-- reporter's phone), which key sent it, and the title proposed from its own words until a
-- person has reviewed and published it.
create table bulletin_open311_request (
    case_id         bigint primary key references case_file (id),
    reference       text not null,
    village_id      bigint not null references village (id),
    key_id          bigint not null references bulletin_open311_key (id),
    key_name        text not null,
    latitude        double precision check (latitude between -90 and 90),
    longitude       double precision check (longitude between -180 and 180),
    address_string  text check (length(address_string) <= 500),
    email           text check (length(email) <= 254),
    first_name      text check (length(first_name) <= 200),
    last_name       text check (length(last_name) <= 200),
    description     text check (length(description) <= 4000),
    proposed_title  text not null check (length(proposed_title) between 1 and 100),
    review          text not null default 'AWAITING' check (review in ('AWAITING', 'PUBLISHED')),
    reviewed_at     timestamptz,
    reviewed_by     text,
    received_at     timestamptz not null,
    check ((latitude is null) = (longitude is null))
);
create index bulletin_open311_request_review_idx on bulletin_open311_request (village_id, received_at)
    where review = 'AWAITING';

-- A comment another system posted on a request (servicerequestupdates): the follow-up it
-- became, the other system's own id for it (so that a repeat is taken once) and who wrote
-- it (private).
create table bulletin_open311_update (
    follow_up_id     bigint primary key references bulletin_follow_up (id),
    key_id           bigint not null references bulletin_open311_key (id),
    external_id      text check (length(external_id) <= 100),
    status           text check (length(status) <= 40),
    first_name       text check (length(first_name) <= 200),
    last_name        text check (length(last_name) <= 200),
    email            text check (length(email) <= 254),
    updated_datetime timestamptz,
    received_at      timestamptz not null,
    unique (key_id, external_id)
);
