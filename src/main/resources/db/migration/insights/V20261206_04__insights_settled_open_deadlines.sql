-- The open deadlines long past, settled (docs/INSIGHTS.md, "The summary"): a case still
-- open whose every open deadline passed more than a month ago counts the same at every
-- later "now" (due; overdue for more than a month), so its fact counts it in the rollups
-- like the rest (settled_contact_due, settled_overdue) and leaves the open facts, which
-- every dashboard reads. The state row says before when deadlines are settled (none until
-- the first settling: at the next start, then once a day by the background job).
alter table insights_case_fact
    add column settled_contact_due int not null default 0,
    add column settled_overdue int not null default 0;
alter table insights_open_fact
    add column settled_contact_due int not null default 0,
    add column settled_overdue int not null default 0;
alter table insights_tally
    add column settled_contact_due bigint not null default 0,
    add column settled_overdue bigint not null default 0;
alter table insights_tally_state add column settled_before timestamptz;
