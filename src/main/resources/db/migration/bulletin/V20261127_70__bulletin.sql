-- The public bulletin board (公示栏): villagers' follow-ups, villagers enlisted in cases,
-- poster issues, the board's duty phone, and the keys of systems that use Open311.

-- A villager's follow-up on a case through the public pages. The callback phone and the
-- text are private: shown to the village committee and the team, never on a public page.
-- address_hash is a hash of the sender's address, kept only to limit submissions.
create table bulletin_follow_up (
    id              bigserial primary key,
    case_id         bigint not null references case_file (id),
    reference       text not null,
    village_id      bigint not null references village (id),
    kind            text not null check (kind in ('INFO', 'NOT_FIXED', 'CONFIRMED_FIXED')),
    text            text check (length(text) <= 1000),
    satisfaction    text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    callback_phone  text check (length(callback_phone) <= 20),
    address_hash    text not null,
    request_key     text check (length(request_key) <= 100),
    case_state      text not null,
    reopened        boolean not null default false,
    received_at     timestamptz not null,
    state           text not null default 'NEW' check (state in ('NEW', 'CALLED_BACK', 'HANDLED')),
    called_back_at  timestamptz,
    handled_at      timestamptz,
    handled_by      text,
    handled_note    text check (length(handled_note) <= 1000),
    unique (case_id, request_key)
);
create index bulletin_follow_up_queue_idx on bulletin_follow_up (village_id, state, received_at);
create index bulletin_follow_up_address_idx on bulletin_follow_up (address_hash, received_at);
create index bulletin_follow_up_case_idx on bulletin_follow_up (case_id, received_at);

-- Villagers or a villager group (村民小组/志愿队) enlisted in a case by the committee. Only
-- the names in public_names (those who agreed) are shown; the contact phone is private.
create table bulletin_enlistment (
    id            bigserial primary key,
    case_id       bigint not null references case_file (id),
    village_id    bigint not null references village (id),
    kind          text not null check (kind in ('GROUP', 'VILLAGER')),
    name          text not null check (length(name) between 1 and 60),
    name_public   boolean not null,
    public_names  text[] not null default '{}',
    headcount     int not null default 1 check (headcount between 1 and 10000),
    task          text not null check (length(task) between 1 and 200),
    contact_phone text check (length(contact_phone) <= 20),
    created_at    timestamptz not null,
    created_by    text not null,
    ended_at      timestamptz,
    ended_by      text
);
create index bulletin_enlistment_case_idx on bulletin_enlistment (case_id);
create index bulletin_enlistment_village_idx on bulletin_enlistment (village_id, created_at);

-- The board's duty phone, when the committee sets one (else the committee's phone).
create table bulletin_board_setting (
    village_id  bigint primary key references village (id),
    duty_phone  text check (length(duty_phone) <= 20),
    updated_at  timestamptz not null,
    updated_by  text not null
);

-- Each different printed board of a village and week gets the next number; printing
-- the same board again gives the same number and date.
create table bulletin_poster_issue (
    village_id   bigint not null references village (id),
    week_start   date not null,
    number       int not null,
    fingerprint  text not null,
    issued_at    timestamptz not null,
    primary key (village_id, week_start, number),
    unique (village_id, week_start, fingerprint)
);

-- Keys of other systems (a 12345 hotline platform, an app) that create cases through
-- Open311. Only a hash of the key is kept; each key acts through an account of its own.
create table bulletin_open311_key (
    id            bigserial primary key,
    name          text not null check (length(name) between 1 and 60),
    key_hash      text not null unique,
    key_hint      text not null,
    account_id    bigint not null references user_account (id),
    created_at    timestamptz not null,
    created_by    text not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text
);

-- The token an Open311 client may use to find the request it created.
create table bulletin_open311_token (
    token       text primary key,
    case_id     bigint not null references case_file (id),
    key_id      bigint not null references bulletin_open311_key (id),
    created_at  timestamptz not null
);
