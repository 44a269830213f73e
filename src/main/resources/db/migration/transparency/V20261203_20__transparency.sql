-- The tamper-evident log of case events (transparency): a Merkle tree (RFC 6962) whose
-- leaves are the case events, appended in the transaction that records each event.

-- Each case's secret: the key of the HMACs that stand for the events' private fields.
create table tlog_case_secret (
    case_id  bigint primary key references case_file (id),
    secret   bytea not null check (length(secret) = 32)
);

-- The leaves, gap-free from 0, in the order they were appended: the entry's bytes
-- exactly as served in the entry bundles.
create table tlog_leaf (
    idx      bigint primary key check (idx >= 0),
    case_id  bigint not null references case_file (id),
    seq      int not null,
    entry    bytea not null,
    unique (case_id, seq)
);

-- The hash of every perfect subtree: 2^level leaves starting at idx * 2^level (level 0:
-- the leaf hashes). Tiles of level L are the rows of level 8 L.
create table tlog_node (
    level    smallint not null check (level between 0 and 63),
    idx      bigint not null check (idx >= 0),
    hash     bytea not null check (length(hash) = 32),
    primary key (level, idx)
);

-- The tree's size and its right edge (the perfect subtrees of the size's bits, largest
-- first), so an append reads one row. One row; writers lock the log first
-- (pg_advisory_xact_lock).
create table tlog_state (
    id        int primary key check (id = 1),
    size      bigint not null check (size >= 0),
    frontier  bytea not null
);
insert into tlog_state (id, size, frontier) values (1, 0, ''::bytea);

-- The log's signing key (Ed25519), made once; the seed never leaves the database.
create table tlog_key (
    id          int primary key check (id = 1),
    name        text not null,
    seed        bytea not null check (length(seed) = 32),
    public_key  bytea not null check (length(public_key) = 32),
    created_at  timestamptz not null
);

-- Every checkpoint signed, each consistent with the one before.
create table tlog_checkpoint (
    size       bigint primary key check (size >= 0),
    root       bytea not null check (length(root) = 32),
    note       text not null,
    signed_at  timestamptz not null
);

create function tlog_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the transparency log is appended, never changed or deleted';
end $$;
create trigger tlog_leaf_append_only before update or delete on tlog_leaf
    for each row execute function tlog_is_append_only();
create trigger tlog_node_append_only before update or delete on tlog_node
    for each row execute function tlog_is_append_only();
create trigger tlog_checkpoint_append_only before update or delete on tlog_checkpoint
    for each row execute function tlog_is_append_only();
