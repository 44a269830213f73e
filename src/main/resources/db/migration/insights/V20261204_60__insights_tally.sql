-- The summary of the ledger's figures (docs/INSIGHTS.md, "The summary"): kept in the
-- transaction of every change of a case (insights' listener of the ledger's
-- CaseTimelineAppended, just before the commit), rebuilt and checked against a full
-- recomputation by `POST /api/v1/insights/summary/rebuild` and `GET …/summary/check`.
--
-- insights_case_fact: what each case (merged ones left out) adds to the summary now, so
-- that a change takes away exactly what the case added before. Its deadlines are kept only
-- while they can still pass (a case not contacted yet, a case still being worked on): the
-- figures that depend on "now" (due, overdue) are counted from these few rows at each
-- request.
create table insights_case_fact (
    case_id                 bigint primary key,
    village_id              bigint not null,
    township_id             bigint not null,
    category                text not null,
    case_type               text not null,
    received_at             timestamptz not null,
    cases                   int not null,
    contact_due             int not null,
    contact_on_time         int not null,
    contacted               int not null,
    resolution_due          int not null,
    resolved_on_time        int not null,
    resolved                int not null,
    awaiting_callback       int not null,
    callbacks               int not null,
    satisfied               int not null,
    basically_satisfied     int not null,
    unsatisfied             int not null,
    reopened                int not null,
    escalated               int not null,
    funding_requested       int not null,
    funding_approved        int not null,
    declined                int not null,
    funding_requested_sum   numeric(14, 2) not null,
    funding_approved_sum    numeric(14, 2) not null,
    contact_hours           int,
    resolution_hours        int,
    -- the first-contact deadline while not contacted (and not declined)
    open_contact_due        timestamptz,
    -- the resolution deadline while being worked on (received, assigned, in progress, reopened)
    open_resolution_due     timestamptz
);
create index insights_case_fact_open_idx on insights_case_fact (township_id, received_at)
    where open_contact_due is not null or open_resolution_due is not null;

-- The sums of the facts by rollup: VY village × year, VM village × month, TW street ×
-- week, KY street × category × type × year (periods in the district's time zone; a
-- dimension a rollup does not have is 0 or ''). Rows whose cases fell to 0 stay until the
-- next rebuild and are left out by the queries.
create table insights_tally (
    rollup                  text not null,
    period                  date not null,
    township_id             bigint not null,
    village_id              bigint not null,
    category                text not null,
    case_type               text not null,
    cases                   bigint not null,
    contact_due             bigint not null,
    contact_on_time         bigint not null,
    contacted               bigint not null,
    resolution_due          bigint not null,
    resolved_on_time        bigint not null,
    resolved                bigint not null,
    awaiting_callback       bigint not null,
    callbacks               bigint not null,
    satisfied               bigint not null,
    basically_satisfied     bigint not null,
    unsatisfied             bigint not null,
    reopened                bigint not null,
    escalated               bigint not null,
    funding_requested       bigint not null,
    funding_approved        bigint not null,
    declined                bigint not null,
    funding_requested_sum   numeric(18, 2) not null,
    funding_approved_sum    numeric(18, 2) not null,
    primary key (rollup, period, township_id, village_id, category, case_type)
);

-- How many cases took each whole number of hours to first contact (kind C) or to
-- resolution (R), by month received, over the whole ledger: the district's medians and
-- 90th percentiles to the hour.
create table insights_tally_hours (
    period  date not null,
    kind    char(1) not null,
    hours   int not null,
    n       bigint not null,
    primary key (period, kind, hours)
);

-- One row once the summary was built (for the time zone its periods are in); without it
-- every figure is computed from the ledger's rows.
create table insights_tally_state (
    id        int primary key check (id = 1),
    zone      text not null,
    built_at  timestamptz not null,
    cases     bigint not null
);
