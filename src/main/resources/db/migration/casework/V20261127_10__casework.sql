-- The case ledger (台账). case_event is the record: every change to a case is appended
-- there and never updated or deleted. case_file holds each case's current state, derived
-- from its events in the same transaction, so lists and searches need no replay.

create table case_category (
    code     text primary key check (code ~ '^[A-Z][A-Z_]{1,31}$'),
    name_zh  text not null,
    name_en  text not null,
    position int not null default 100,
    active   boolean not null default true
);
insert into case_category (code, name_zh, name_en, position) values
    ('SANITATION', '环境卫生', 'Sanitation and garbage', 10),
    ('ROADS', '道路交通', 'Roads and traffic', 20),
    ('BRIDGES', '桥梁', 'Bridges', 30),
    ('WATER', '供排水', 'Water and sewer', 40),
    ('PARKING', '停车', 'Parking', 50),
    ('PUBLIC_ORDER', '治安', 'Public order', 60),
    ('NEIGHBOURS', '邻里纠纷', 'Neighbour disputes', 70),
    ('SOCIAL_SECURITY', '社会保障', 'Social security', 80),
    ('AGRICULTURE', '农业', 'Agriculture', 90),
    ('OTHER', '其他', 'Other', 1000);

-- Deadlines by type and urgency (12345 practice): an amount of hours or working days, or
-- the end of the same day.
create table case_deadline_rule (
    case_type            text not null check (case_type in ('INQUIRY', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION')),
    urgency              text not null check (urgency in ('NORMAL', 'URGENT', 'EMERGENCY')),
    first_contact_amount int not null check (first_contact_amount between 0 and 1000),
    first_contact_unit   text not null check (first_contact_unit in ('HOURS', 'WORKING_DAYS', 'SAME_DAY')),
    resolution_amount    int not null check (resolution_amount between 0 and 1000),
    resolution_unit      text not null check (resolution_unit in ('HOURS', 'WORKING_DAYS', 'SAME_DAY')),
    updated_by           text,
    updated_at           timestamptz not null default now(),
    primary key (case_type, urgency)
);
insert into case_deadline_rule (case_type, urgency, first_contact_amount, first_contact_unit, resolution_amount, resolution_unit)
select t, u,
       case u when 'EMERGENCY' then 1 when 'URGENT' then 2 else 1 end,
       case u when 'NORMAL' then 'WORKING_DAYS' else 'HOURS' end,
       case u when 'EMERGENCY' then 0 when 'URGENT' then 24
              else case when t in ('INQUIRY', 'HELP') then 3 else 13 end end,
       case u when 'EMERGENCY' then 'SAME_DAY' when 'URGENT' then 'HOURS' else 'WORKING_DAYS' end
from unnest(array['INQUIRY', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION']) t,
     unnest(array['NORMAL', 'URGENT', 'EMERGENCY']) u;

-- Days that differ from Monday-to-Friday: public holidays (not working) and the weekend
-- days worked in exchange (调休, working).
create table working_day_exception (
    day     date primary key,
    working boolean not null,
    name    text
);

-- Reference numbers come from one sequence per district prefix and year
-- (case_ref_<prefix>_<year>), created on first use: no lock is held across an intake, and
-- a number is never given twice.
create table case_file (
    id                   bigserial primary key,
    reference            text not null unique,
    village_id           bigint not null references village (id),
    township_id          bigint not null references township (id),
    received_term_id     bigint references term (id),
    responsible_term_id  bigint references term (id),
    source               text not null check (source in ('MORNING_MEETING', 'INSPECTION', 'OFFICIALS_LIST',
                                                          'VILLAGER_FOLLOW_UP', 'PHONE', 'WALK_IN')),
    case_type            text not null,
    category             text not null references case_category (code),
    urgency              text not null check (urgency in ('NORMAL', 'URGENT', 'EMERGENCY')),
    title                text not null,
    description          text,
    location             text,
    public_title         text not null,
    state                text not null check (state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED',
                                                         'REOPENED', 'MERGED', 'DECLINED')),
    assignee_kind        text check (assignee_kind in ('SECRETARY', 'TROUBLESHOOTER', 'COMMITTEE', 'GROUP', 'UNIT')),
    assignee_member_id   bigint references member (id),
    assignee_unit_id     bigint references unit (id),
    assignee_name        text,
    progress             int not null default 0 check (progress between 0 and 100),
    received_at          timestamptz not null,
    first_contact_due    timestamptz not null,
    resolution_due       timestamptz not null,
    first_contact_at     timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    result               text,
    satisfaction         text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    merged_into_id       bigint references case_file (id),
    decline_reason       text,
    escalation_level     int not null default 0,
    funding_requested    numeric(14, 2),
    funding_approved     numeric(14, 2),
    funding_source       text,
    funding_approved_by  text,
    reopened_count       int not null default 0,
    recorded_by          bigint not null references user_account (id),
    recorded_by_member   bigint references member (id),
    last_event_seq       int not null,
    updated_at           timestamptz not null,
    search               tsvector not null
);
create index case_file_village_idx on case_file (village_id, received_at desc);
create index case_file_township_open_idx on case_file (township_id, urgency) where state not in ('CLOSED', 'MERGED', 'DECLINED');
create index case_file_responsible_term_idx on case_file (responsible_term_id);
create index case_file_received_term_idx on case_file (received_term_id);
create index case_file_recorded_member_idx on case_file (recorded_by_member);
create index case_file_assignee_unit_idx on case_file (assignee_unit_id) where assignee_unit_id is not null;
create index case_file_assignee_member_idx on case_file (assignee_member_id) where assignee_member_id is not null;
create index case_file_open_due_idx on case_file (resolution_due) where state not in ('RESOLVED', 'CLOSED', 'MERGED', 'DECLINED');
create index case_file_search_idx on case_file using gin (search);

-- Who reported a case. Private: shown only to the term's team, the village committee and
-- the organization department; never logged, never indexed for search.
create table case_reporter (
    case_id   bigint primary key references case_file (id),
    name      text,
    phone     text,
    household text,
    consent   boolean not null default false
);

create table case_event (
    id            bigserial primary key,
    case_id       bigint not null references case_file (id),
    seq           int not null,
    kind          text not null,
    at            timestamptz not null,
    actor_id      bigint references user_account (id),
    actor_name    text not null,
    from_state    text,
    to_state      text,
    reason        text,
    data          jsonb not null default '{}',
    public        boolean not null default false,
    unique (case_id, seq)
);
create index case_event_at_idx on case_event (at);

create function case_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case events are appended, never changed or deleted';
end $$;
create trigger case_event_append_only before update or delete on case_event
    for each row execute function case_event_is_append_only();

-- Photos: the original as taken (kept for the team) and the public copy, without EXIF
-- (location) metadata.
create table case_photo (
    id            bigserial primary key,
    case_id       bigint not null references case_file (id),
    phase         text not null check (phase in ('INTAKE', 'BEFORE', 'AFTER')),
    content_type  text not null,
    original      bytea not null,
    public_copy   bytea not null,
    size_bytes    int not null,
    uploaded_by   bigint not null references user_account (id),
    uploaded_at   timestamptz not null
);
create index case_photo_case_idx on case_photo (case_id);

-- A request (form or API call) that created a case: the same key creates one case only.
-- The key is inserted first, so a concurrent duplicate waits for the first to commit.
create table case_idempotency (
    account_id    bigint not null references user_account (id),
    key           text not null,
    request_hash  text not null,
    case_id       bigint references case_file (id),
    created_at    timestamptz not null default now(),
    primary key (account_id, key)
);

-- Each deadline escalates once per level, whatever the number of instances running the job.
create table case_escalation (
    case_id   bigint not null references case_file (id),
    deadline  text not null check (deadline in ('FIRST_CONTACT', 'RESOLUTION')),
    level     int not null check (level in (1, 2)),
    due       timestamptz not null,
    at        timestamptz not null,
    primary key (case_id, deadline, level, due)
);

-- The open cases of a village passed from one term's team to the next.
create table case_handover (
    id               bigserial primary key,
    village_id       bigint not null references village (id),
    from_term_id     bigint not null references term (id) unique,
    to_term_id       bigint not null references term (id),
    created_at       timestamptz not null,
    created_by       text not null,
    note             text,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);
create index case_handover_to_idx on case_handover (to_term_id);

create table case_handover_item (
    handover_id  bigint not null references case_handover (id),
    case_id      bigint not null references case_file (id),
    state        text not null,
    primary key (handover_id, case_id)
);
