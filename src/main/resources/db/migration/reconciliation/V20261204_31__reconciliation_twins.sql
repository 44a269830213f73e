-- "May be the same as": the village's open cases that looked like the same problem when a
-- case arrived with nobody there to ask (an Open311 request), kept for whoever reviews it.
-- A row per suggested case; decision: LINKED (cross-referenced) or MERGED (the new case merged
-- into it), with who and when. reconciliation_twin_check records that the suggestions of a case
-- were looked for (with or without any found), so a review computes only those never looked for.
create table reconciliation_twin_check (
    case_id      bigint primary key references case_file (id),
    checked_at   timestamptz not null
);

create table reconciliation_twin (
    case_id          bigint not null references case_file (id),
    similar_case_id  bigint not null references case_file (id),
    score            real not null,
    reasons          jsonb not null,
    suggested_at     timestamptz not null,
    decision         text check (decision in ('LINKED', 'MERGED')),
    decided_by_name  text,
    decided_at       timestamptz,
    primary key (case_id, similar_case_id)
);
