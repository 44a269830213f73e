-- The daily work diary (民情日记): one per secretary per day of a term. It can be changed
-- until it closes at the end of the next day (closes_at, in the district's zone); after
-- that it only receives dated amendments, which are appended and never changed.
create table diary_entry (
    id              bigserial primary key,
    member_id       bigint not null references member (id),
    day             date not null,
    term_id         bigint not null references term (id),
    places          text,
    households      int check (households between 0 and 10000),
    household_notes text,
    heard           text,
    done            text,
    reflections     text,
    plan            text,
    -- whether anything was written: what compliance counts once the diary has closed
    written         boolean not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    closes_at       timestamptz not null,
    unique (member_id, day)
);
create index diary_entry_term_idx on diary_entry (term_id);
create index diary_entry_day_idx on diary_entry (day);

-- The cases a diary mentions: those of the day linked automatically, others added by hand.
create table diary_case (
    entry_id   bigint not null references diary_entry (id),
    case_id    bigint not null references case_file (id),
    automatic  boolean not null,
    added_at   timestamptz not null,
    primary key (entry_id, case_id)
);
create index diary_case_case_idx on diary_case (case_id);

create table diary_amendment (
    id          bigserial primary key,
    entry_id    bigint not null references diary_entry (id),
    written_at  timestamptz not null,
    text        text not null,
    account_id  bigint not null references user_account (id),
    author_name text not null
);
create index diary_amendment_entry_idx on diary_amendment (entry_id);

create function diary_amendment_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'diary amendments are appended, never changed or deleted';
end $$;
create trigger diary_amendment_append_only before update or delete on diary_amendment
    for each row execute function diary_amendment_is_append_only();

-- An in-app notice to a secretary, e.g. that the day's diary is missing at the evening
-- hour. The primary key is the claim: with several instances, one of them makes it.
create table diary_notice (
    member_id   bigint not null references member (id),
    day         date not null,
    kind        text not null check (kind in ('MISSING')),
    created_at  timestamptz not null,
    primary key (member_id, day, kind)
);

-- The morning meeting (晨会) where villagers raise their problems.
create table morning_meeting (
    id               bigserial primary key,
    term_id          bigint not null references term (id),
    village_id       bigint not null references village (id),
    day              date not null,
    place            text not null,
    attendees        int check (attendees between 0 and 100000),
    groups           text,
    notes            text,
    recorded_by      bigint not null references user_account (id),
    recorded_by_name text not null,
    recorded_at      timestamptz not null
);
create index morning_meeting_village_day_idx on morning_meeting (village_id, day);
create index morning_meeting_term_idx on morning_meeting (term_id);

create table morning_meeting_member (
    meeting_id bigint not null references morning_meeting (id),
    member_id  bigint not null references member (id),
    primary key (meeting_id, member_id)
);

-- The problems raised at a meeting: the cases recorded from it.
create table morning_meeting_case (
    meeting_id bigint not null references morning_meeting (id),
    case_id    bigint not null references case_file (id),
    linked_at  timestamptz not null,
    primary key (meeting_id, case_id)
);
create index morning_meeting_case_case_idx on morning_meeting_case (case_id);

-- An inspection walk (实地察看): who came, the route, and what was found.
create table inspection (
    id               bigserial primary key,
    term_id          bigint not null references term (id),
    village_id       bigint not null references village (id),
    day              date not null,
    route            text not null,
    officials        text,
    notes            text,
    recorded_by      bigint not null references user_account (id),
    recorded_by_name text not null,
    recorded_at      timestamptz not null
);
create index inspection_village_day_idx on inspection (village_id, day);
create index inspection_term_idx on inspection (term_id);

create table inspection_member (
    inspection_id bigint not null references inspection (id),
    member_id     bigint not null references member (id),
    primary key (inspection_id, member_id)
);

-- A finding, with its photo as taken (never public), and the case it became or was
-- linked to.
create table inspection_finding (
    id              bigserial primary key,
    inspection_id   bigint not null references inspection (id),
    text            text not null,
    details         text,
    location        text,
    photo           bytea,
    photo_type      text check (photo_type in ('image/jpeg', 'image/png')),
    case_id         bigint references case_file (id),
    case_linked_at  timestamptz,
    recorded_by     bigint not null references user_account (id),
    recorded_at     timestamptz not null
);
create index inspection_finding_inspection_idx on inspection_finding (inspection_id);
create index inspection_finding_case_idx on inspection_finding (case_id) where case_id is not null;

-- The term's hand-over report: the team's notes while it is written, then, once the
-- term's cases are handed over, the report as it stood (content), and the next lead's
-- acknowledgement.
create table handover_report (
    term_id                bigint primary key references term (id),
    notes                  text,
    notes_updated_at       timestamptz,
    notes_updated_by       text,
    handover_id            bigint unique references case_handover (id),
    to_term_id             bigint references term (id),
    frozen_at              timestamptz,
    content                jsonb,
    acknowledged_at        timestamptz,
    acknowledged_by_member bigint references member (id),
    acknowledged_by        text
);
create index handover_report_to_term_idx on handover_report (to_term_id);

-- What the team says should happen next on each open case.
create table handover_next_step (
    term_id    bigint not null references term (id),
    case_id    bigint not null references case_file (id),
    text       text not null,
    updated_at timestamptz not null,
    updated_by text not null,
    primary key (term_id, case_id)
);
