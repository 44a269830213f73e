-- A meeting, an inspection or a finding sent twice (a double tap, or the phone's outbox
-- sending again after an answer lost to a bad signal) is recorded once: the form carries
-- a key made when it was shown (or on the phone), unique per person who records.
alter table morning_meeting add column idempotency_key text check (length(idempotency_key) <= 100);
alter table inspection add column idempotency_key text check (length(idempotency_key) <= 100);
alter table inspection_finding add column idempotency_key text check (length(idempotency_key) <= 100);
create unique index morning_meeting_idempotency_idx on morning_meeting (recorded_by, idempotency_key)
    where idempotency_key is not null;
create unique index inspection_idempotency_idx on inspection (recorded_by, idempotency_key)
    where idempotency_key is not null;
create unique index inspection_finding_idempotency_idx on inspection_finding (recorded_by, idempotency_key)
    where idempotency_key is not null;
