-- The week's reconciliation as it stood when the term was handed over: written in the
-- transaction that fixes the diary's hand-over report (diary.DiaryEvents.ReportFrozen), never
-- changed afterwards, so decisions made later do not change the report handed over.
-- content: reconciliation.HandoverReconciliation as JSON (counts, the items' public titles
-- and who confirmed each match).
create table reconciliation_handover (
    term_id      bigint primary key references term (id),
    village_id   bigint not null references village (id),
    week_start   date not null,
    frozen_at    timestamptz not null,
    content      jsonb not null
);
