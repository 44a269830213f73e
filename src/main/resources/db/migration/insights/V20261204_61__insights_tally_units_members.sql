-- The summary by unit and member too (rollups UY street × unit × year, MY street × member
-- × year), and the callback attempts (insights' own callback_attempt) of each case. The
-- summary is built anew at the next start (its state row is removed).
alter table insights_case_fact
    add column unit_id bigint not null default 0,
    add column member_id bigint not null default 0,
    add column attempts int not null default 0,
    add column attempts_reached int not null default 0,
    add column tried int not null default 0;
alter table insights_tally
    add column unit_id bigint not null default 0,
    add column member_id bigint not null default 0,
    add column attempts bigint not null default 0,
    add column attempts_reached bigint not null default 0,
    add column tried bigint not null default 0;
alter table insights_tally drop constraint insights_tally_pkey;
alter table insights_tally add primary key (rollup, period, township_id, village_id, category, case_type, unit_id, member_id);
delete from insights_tally_state;
