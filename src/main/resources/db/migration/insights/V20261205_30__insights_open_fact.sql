-- The facts of the cases that still have an open deadline (not contacted yet, or still
-- being worked on), apart: what depends on "now" (due, overdue and its ageing) is counted
-- over them at each request. Among a province's ten million facts their few tens of
-- thousands lie on pages all over the table, and every breakdown read those pages again;
-- here they are a small table of their own, kept with insights_case_fact in the same
-- statements' transaction and rebuilt with it.
create table insights_open_fact (like insights_case_fact including defaults);
alter table insights_open_fact add primary key (case_id);
insert into insights_open_fact
select * from insights_case_fact where open_contact_due is not null or open_resolution_due is not null;
analyze insights_open_fact;
