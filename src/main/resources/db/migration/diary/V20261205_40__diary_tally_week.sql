-- A mark per week whose settled terms' diary figures are all kept (under a rule of required
-- weekdays): DiaryCompliance.count asks whether the weeks it needs are marked (a few rows)
-- instead of counting a province's 100,000 term members against their kept figures. The
-- triggers that remove a kept figure remove its week's mark too.
create table diary_tally_week (
    rule        text not null,
    week_start  date not null,
    primary key (rule, week_start)
);

create or replace function diary_term_tally_forget_terms() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c where x.term_id = c.id;
    delete from diary_tally_week w using changed c where w.week_start = c.week_start;
    return null;
end $$;
create or replace function diary_term_tally_forget_members() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c where x.term_id = c.term_id;
    delete from diary_tally_week w using changed c, term t where t.id = c.term_id and w.week_start = t.week_start;
    return null;
end $$;
create or replace function diary_term_tally_forget_days() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c
    where x.member_id = c.member_id and c.day between x.week_start and x.week_start + 6;
    delete from diary_tally_week w using changed c
    where w.week_start = date_trunc('week', c.day)::date;
    return null;
end $$;
-- a new term of a settled week (a term planned late, a correction) makes its week incomplete
create function diary_term_tally_new_terms() returns trigger language plpgsql as $$
begin
    delete from diary_tally_week w using changed c where w.week_start = c.week_start;
    return null;
end $$;
create trigger diary_term_tally_term_insert after insert on term
    referencing new table as changed for each statement execute function diary_term_tally_new_terms();
create trigger diary_term_tally_term_update_new after update on term
    referencing new table as changed for each statement execute function diary_term_tally_new_terms();
