-- Personal API tokens: a machine client (a phone app, a committee's spreadsheet tool) sends
-- "Authorization: Bearer ow_…" instead of a password. Only the SHA-256 of a token is kept;
-- the token itself is shown once, when it is created.
create table api_token (
    id           bigserial primary key,
    account_id   bigint not null references user_account (id),
    name         text not null check (length(name) between 1 and 60),
    token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    -- the hidden key of the form that created it: a form sent twice creates one token
    request_key  text,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
create index api_token_account_idx on api_token (account_id, created_at);
create unique index api_token_request_once_idx on api_token (account_id, request_key);
