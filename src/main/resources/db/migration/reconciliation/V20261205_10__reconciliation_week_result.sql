-- The stored result of each village-week's reconciliation, for the blind-spot rate
-- (docs/INSIGHTS.md, "Blind-spot rate"): what Reconciliations.computed gave, kept current.
--
-- reconciliation_week: a village-week computed; version names what the result depends on
-- besides the data (the threshold, the model, the matching); a week with no row, or with
-- another version, was never computed (cases loaded by COPY, weeks before this table) and
-- is computed when needed. generation: bumped by every write of the week's result, so that of
-- two computations of one week running at once only the one that began after the other's
-- write stores its result (the other's stale marks stay, and the week is computed again).
create table reconciliation_week (
    village_id   bigint not null,
    week_start   date not null,
    version      text not null,
    generation   bigint not null default 0,
    computed_at  timestamptz not null,
    primary key (village_id, week_start)
);

-- The week's problems that have villagers' cases (lines MATCHED and VILLAGER_ONLY): a row per
-- case of the line: kind V a villager's case (counted), O an officials' item of the line (kept
-- so that a change of it marks the week stale); blind: the line is VILLAGER_ONLY; category: the
-- line's ('' when none of its items has one).
create table reconciliation_problem (
    village_id   bigint not null,
    week_start   date not null,
    line         int not null,
    kind         char(1) not null check (kind in ('V', 'O')),
    case_id      bigint not null,
    blind        boolean not null,
    category     text not null,
    received_at  timestamptz not null,
    primary key (village_id, week_start, line, kind, case_id)
);
create index reconciliation_problem_week_idx on reconciliation_problem (week_start, village_id);
create index reconciliation_problem_case_idx on reconciliation_problem (case_id);

-- A week whose stored result went stale: a row added in the transaction of the change (a case
-- of the week, a decision, a finding), insert-only so that writers never wait for each other;
-- the recomputation deletes the rows it saw when it began, so a change committed while it
-- ran leaves its row and the week stays stale.
create table reconciliation_week_stale (
    id           bigserial primary key,
    village_id   bigint not null,
    week_start   date not null
);
create index reconciliation_week_stale_week_idx on reconciliation_week_stale (village_id, week_start);
