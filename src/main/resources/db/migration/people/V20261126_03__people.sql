create table member (
    id               bigserial primary key,
    name             text not null,
    gender           text not null check (gender in ('M', 'F')),
    birth_year       int not null check (birth_year between 1900 and 2100),
    retired          boolean not null default false,
    phone            text not null unique,
    home_township_id bigint references township (id),
    home_village_id  bigint references village (id),
    skills           text,
    notes            text,
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table member_unavailability (
    id         bigserial primary key,
    member_id  bigint not null references member (id),
    from_date  date not null,
    to_date    date not null,
    reason     text,
    created_at timestamptz not null default now(),
    check (to_date >= from_date)
);
create index member_unavailability_member_idx on member_unavailability (member_id, from_date);

-- A responsible unit (street office, civil affairs bureau…) to which cases are referred.
create table unit (
    id         bigserial primary key,
    code       text not null unique,
    name       text not null,
    contact    text,
    phone      text,
    created_at timestamptz not null default now()
);

create table user_account (
    id                  bigserial primary key,
    username            text not null,
    password_hash       text not null,
    display_name        text not null,
    roles               text[] not null,
    member_id           bigint references member (id),
    village_id          bigint references village (id),
    unit_id             bigint references unit (id),
    enabled             boolean not null default true,
    demo                boolean not null default false,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);
create unique index user_account_username_idx on user_account (lower(username));

-- Failed logins, per account and per address, for lock-out; kept in the database so that
-- every instance behind a load balancer sees the same count.
create table login_failure (
    id          bigserial primary key,
    username    text not null,
    remote_addr text not null,
    at          timestamptz not null default now()
);
create index login_failure_username_idx on login_failure (lower(username), at);
create index login_failure_addr_idx on login_failure (remote_addr, at);

-- The one-time link printed on first start to create the first organization administrator.
create table setup_token (
    token_hash text primary key,
    created_at timestamptz not null default now(),
    used_at    timestamptz
);
