-- Callbacks (回访): every attempt to reach the villager after a case was resolved. A
-- reached attempt closes the case with the villager's answer (through the ledger); one not
-- reached is tried again from next_try_at. Attempts are appended, never changed.
create table callback_attempt (
    id           bigserial primary key,
    case_id      bigint not null references case_file (id),
    attempt      int not null check (attempt between 1 and 100),
    at           timestamptz not null,
    by_account   bigint not null references user_account (id),
    by_name      text not null,
    reached      boolean not null,
    satisfaction text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    comment      text,
    next_try_at  timestamptz,
    unique (case_id, attempt),
    check (reached = (satisfaction is not null))
);
create index callback_attempt_case_idx on callback_attempt (case_id, attempt desc);
