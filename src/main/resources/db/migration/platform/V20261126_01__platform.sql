-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

-- Spring Session JDBC: sessions live in the database so several instances can share them.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Remember-me tokens (Spring Security's persistent token scheme: a stolen cookie is detected).
create table persistent_logins (
    username  varchar(100) not null,
    series    varchar(64) primary key,
    token     varchar(64) not null,
    last_used timestamp not null
);

-- An uploaded spreadsheet waiting for confirmation: parsed rows and their errors.
create table import_batch (
    id          uuid primary key,
    kind        text not null,
    file_name   text not null,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    row_count   int not null,
    rows        jsonb not null,
    errors      jsonb not null,
    state       text not null default 'PREVIEW' check (state in ('PREVIEW', 'APPLIED', 'DISCARDED')),
    applied_at  timestamptz
);

-- Who changed which master record when, with the values before and after: history is appended.
create table audit_log (
    id          bigserial primary key,
    entity      text not null,
    entity_id   text not null,
    action      text not null,
    actor       text not null,
    at          timestamptz not null default now(),
    before      jsonb,
    after       jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id);
