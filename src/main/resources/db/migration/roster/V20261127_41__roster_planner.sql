-- The roster planner: planned and published terms and duties, which villages need a team
-- when, planning runs (so every instance behind the load balancer shows the same progress),
-- changes after publication with notices to the members concerned, and calendar links.

-- A planned term is the planner's draft, seen only by the organization department; a
-- pinned one is agreed and kept when the rest is planned again.
alter table term add column pinned boolean not null default false;
alter table term add column published_at timestamptz;
create index term_state_week_idx on term (state, week_start);

alter table troubleshooter_duty add column state text not null default 'PUBLISHED'
    check (state in ('PLANNED', 'PUBLISHED'));
alter table troubleshooter_duty add column pinned boolean not null default false;
alter table troubleshooter_duty add column published_at timestamptz;
create index troubleshooter_duty_week_idx on troubleshooter_duty (week_start);

-- One row: the organization department's settings for planning.
create table roster_settings (
    id                    int primary key default 1 check (id = 1),
    working_days          text not null default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
    max_terms_per_quarter int not null default 5 check (max_terms_per_quarter between 1 and 13),
    spread_weeks          int not null default 4 check (spread_weeks between 1 and 13),
    time_limit_seconds    int not null default 30 check (time_limit_seconds between 5 and 600),
    updated_by            text,
    updated_at            timestamptz not null default now()
);
insert into roster_settings (id) values (1);

-- Which weeks a village needs a team: from a first week, every n weeks, until a last week
-- (or open-ended). A village may have several schedules; their weeks add up.
create table village_schedule (
    id          bigserial primary key,
    village_id  bigint not null references village (id),
    first_week  date not null check (extract(isodow from first_week) = 1),
    last_week   date check (extract(isodow from last_week) = 1),
    every_weeks int not null check (every_weeks between 1 and 52),
    created_by  text not null,
    created_at  timestamptz not null default now(),
    check (last_week is null or last_week >= first_week)
);
create index village_schedule_village_idx on village_schedule (village_id);

-- Weeks a member would like to serve in.
create table roster_preference (
    member_id  bigint not null references member (id),
    week_start date not null check (extract(isodow from week_start) = 1),
    created_at timestamptz not null default now(),
    primary key (member_id, week_start)
);

-- A planning run: solved on the instance that started it, its progress written here.
create table roster_run (
    id                  bigserial primary key,
    from_week           date not null check (extract(isodow from from_week) = 1),
    to_week             date not null check (extract(isodow from to_week) = 1),
    time_limit_seconds  int not null check (time_limit_seconds between 1 and 3600),
    status              text not null default 'QUEUED'
        check (status in ('QUEUED', 'SOLVING', 'FINISHED', 'STOPPED', 'FAILED')),
    stop_requested      boolean not null default false,
    instance_id         text not null,
    started_by          text not null,
    created_at          timestamptz not null default now(),
    started_at          timestamptz,
    ended_at            timestamptz,
    heartbeat_at        timestamptz,
    post_count          int,
    member_count        int,
    best_hard           bigint,
    best_soft           bigint,
    best_at_ms          bigint,
    first_feasible_ms   bigint,
    improvements        int not null default 0,
    message             text,
    check (to_week >= from_week)
);
create index roster_run_status_idx on roster_run (status);

-- What changed in the published roster, appended and never altered: a publication, a
-- member replaced, a new lead.
create table roster_change (
    id                bigserial primary key,
    kind              text not null check (kind in ('PUBLISHED', 'REPLACED', 'LEAD')),
    term_id           bigint references term (id),
    duty_id           bigint references troubleshooter_duty (id),
    week_start        date not null,
    village_id        bigint references village (id),
    township_id       bigint references township (id),
    removed_member_id bigint references member (id),
    added_member_id   bigint references member (id),
    actor             text not null,
    at                timestamptz not null default now(),
    check ((term_id is null) <> (duty_id is null))
);
create index roster_change_week_idx on roster_change (week_start);

create function roster_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'roster_change is append-only';
end $$;
create trigger roster_change_append_only before update or delete on roster_change
    for each row execute function roster_change_append_only();

-- A notice to a member about a change that concerns them, until they dismiss it.
create table roster_notice (
    id           bigserial primary key,
    member_id    bigint not null references member (id),
    change_id    bigint not null references roster_change (id),
    created_at   timestamptz not null default now(),
    dismissed_at timestamptz,
    unique (member_id, change_id)
);
create index roster_notice_open_idx on roster_notice (member_id) where dismissed_at is null;

-- The secret address of a member's calendar feed; only its hash is kept.
create table roster_calendar (
    member_id  bigint primary key references member (id),
    token_hash text not null unique,
    created_at timestamptz not null default now()
);
