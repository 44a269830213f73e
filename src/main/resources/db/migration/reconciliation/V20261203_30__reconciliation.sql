-- Reconciliation (对账): what villagers raised, what the officials listed and what
-- inspections found, matched by meaning.

-- The sentence embedding of each item (a case of the ledger or an inspection finding),
-- computed once, off the request path, and again when the text it was computed from
-- changes (text_digest). kind: V villager's problem, O officials' list, F finding.
create table reconciliation_embedding (
    kind         char(1) not null check (kind in ('V', 'O', 'F')),
    item_id      bigint not null,
    text_digest  text not null,
    model        text not null,
    vector       bytea not null,         -- float32, little-endian, unit length
    computed_at  timestamptz not null,
    primary key (kind, item_id)
);

-- A person's decision on a pair of items of one village: confirmed (the same problem) or
-- rejected (not the same). Re-running the matching never undoes one; a later decision on
-- the same pair replaces it (the earlier is kept in reconciliation_decision_log).
-- The pair is stored in a fixed order (its kinds in alphabetical order: F, O, V).
create table reconciliation_decision (
    id            bigserial primary key,
    village_id    bigint not null references village (id),
    week_start    date not null,
    left_kind     char(1) not null check (left_kind in ('V', 'O', 'F')),
    left_id       bigint not null,
    right_kind    char(1) not null check (right_kind in ('V', 'O', 'F')),
    right_id      bigint not null,
    verdict       text not null check (verdict in ('CONFIRMED', 'REJECTED')),
    manual        boolean not null default false,
    score         real,
    reasons       text,
    decided_by    bigint not null references user_account (id),
    decided_by_name text not null,
    decided_at    timestamptz not null,
    unique (left_kind, left_id, right_kind, right_id),
    check (left_kind < right_kind)
);
create index reconciliation_decision_week_idx on reconciliation_decision (village_id, week_start);

create table reconciliation_decision_log (
    id            bigserial primary key,
    village_id    bigint not null,
    week_start    date not null,
    left_kind     char(1) not null,
    left_id       bigint not null,
    right_kind    char(1) not null,
    right_id      bigint not null,
    verdict       text not null,
    manual        boolean not null,
    decided_by_name text not null,
    decided_at    timestamptz not null
);
