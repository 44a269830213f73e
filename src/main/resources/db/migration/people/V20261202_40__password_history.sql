-- The passwords an account had before (their hashes), so that a new password is not an
-- old one again (NIST SP 800-63B asks to refuse a password known to be compromised; an
-- old password may be). Only the last few are compared; rows are only ever added.
create table password_history (
    id            bigserial primary key,
    account_id    bigint not null references user_account (id),
    password_hash text not null,
    replaced_at   timestamptz not null default now()
);
create index password_history_account_idx on password_history (account_id, replaced_at desc);
