-- Notices that reach people (issue #15): an outbox written in the transaction of the change
-- that causes it, delivered once across instances (rows claimed with FOR UPDATE SKIP LOCKED),
-- retried with backoff, held back in quiet hours unless urgent.
--
-- A notice names its recipient by account (or none, for the department's group robot) and
-- carries only a message key and its arguments (case numbers, public titles, village names,
-- dates): never a reporter's name, phone or household, nor a villager's words.
create table notice (
    id               bigserial primary key,
    kind             text not null check (kind in ('URGENT_CASE', 'ESCALATED', 'DIARY_MISSING', 'ROSTER_PUBLISHED',
                                                   'ROSTER_CHANGED', 'FOLLOW_UP', 'HANDOVER_WAITING')),
    account_id       bigint references user_account (id),
    channel          text not null check (channel in ('IN_APP', 'SMS', 'WEBHOOK')),
    args             text[] not null default '{}',
    urgent           boolean not null default false,
    dedupe_key       text unique check (length(dedupe_key) <= 200),
    state            text not null default 'PENDING' check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text check (length(last_error) <= 500),
    created_at       timestamptz not null,
    sent_at          timestamptz,
    check (channel = 'WEBHOOK' or account_id is not null)
);
create index notice_due_idx on notice (next_attempt_at, id) where state = 'PENDING';
create index notice_account_idx on notice (account_id, created_at desc);

-- Each person's choice of channel; without a row, in-app only.
create table notice_preference (
    account_id  bigint primary key references user_account (id),
    channel     text not null check (channel in ('IN_APP', 'SMS')),
    updated_at  timestamptz not null
);
