-- A term: one village, one ISO week, a team of three members, one of them the lead.
create table term (
    id           bigserial primary key,
    village_id   bigint not null references village (id),
    week_start   date not null check (extract(isodow from week_start) = 1),
    state        text not null default 'PUBLISHED' check (state in ('PLANNED', 'PUBLISHED')),
    created_at   timestamptz not null default now(),
    unique (village_id, week_start)
);
create index term_week_idx on term (week_start);

create table term_member (
    term_id   bigint not null references term (id),
    member_id bigint not null references member (id),
    lead      boolean not null default false,
    primary key (term_id, member_id)
);
create index term_member_member_idx on term_member (member_id);
create unique index term_member_one_lead_idx on term_member (term_id) where lead;

-- The floating troubleshooter (机动书记) of a township or street for one week.
create table troubleshooter_duty (
    id          bigserial primary key,
    township_id bigint not null references township (id),
    week_start  date not null check (extract(isodow from week_start) = 1),
    member_id   bigint not null references member (id),
    created_at  timestamptz not null default now(),
    unique (township_id, week_start)
);
create index troubleshooter_duty_member_idx on troubleshooter_duty (member_id, week_start);
