-- Reference numbers reserved for a phone while it has signal (issue #15): a secretary who
-- records a problem with no connection writes one of these on the villager's slip, and the
-- case takes it when the phone sends the entry. Taken from the year's sequence like any
-- other number, so no number is ever given twice; an unused one is simply never a case.
create table case_reference_reservation (
    reference    text primary key,
    account_id   bigint not null references user_account (id),
    reserved_at  timestamptz not null,
    case_id      bigint unique references case_file (id),
    used_at      timestamptz
);
create index case_reference_reservation_free_idx on case_reference_reservation (account_id, reference)
    where case_id is null;
