create table district (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    case_prefix text not null check (case_prefix ~ '^[A-Z]{2,6}$'),
    created_at  timestamptz not null default now()
);

create table township (
    id          bigserial primary key,
    district_id bigint not null references district (id),
    code        text not null unique,
    name        text not null,
    kind        text not null check (kind in ('STREET', 'TOWN')),
    population  int check (population >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table village (
    id                bigserial primary key,
    township_id       bigint not null references township (id),
    code              text not null unique,
    name              text not null,
    kind              text not null check (kind in ('VILLAGE', 'COMMUNITY')),
    population        int check (population >= 0),
    households        int check (households >= 0),
    committee_contact text,
    committee_phone   text,
    address           text,
    notes             text,
    active            boolean not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index village_township_idx on village (township_id);
