-- Diary compliance of the terms whose week has closed (DiaryCompliance.count): per term and
-- member, the required days (under the rule of required weekdays, e.g. '1,2,3,4,5') and
-- those with a diary written before it closed. Such a term's figure can no longer change
-- by the diary's own rules (a closed day takes only amendments, which do not count), so it
-- is computed once, when first asked, and kept. Any change of the rows it was computed from
-- (a term, its members, a diary of its days, by the application or by other means) removes
-- it, by the triggers below, and it is computed again when next asked.
create table diary_term_tally (
    term_id     bigint not null,
    member_id   bigint not null,
    village_id  bigint not null,
    week_start  date not null,
    rule        text not null,
    expected    int not null,
    written     int not null,
    primary key (term_id, member_id)
);
create index diary_term_tally_week_idx on diary_term_tally (week_start);
create index diary_term_tally_member_idx on diary_term_tally (member_id, week_start);

create function diary_term_tally_forget_terms() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c where x.term_id = c.id;
    return null;
end $$;
create function diary_term_tally_forget_members() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c where x.term_id = c.term_id;
    return null;
end $$;
create function diary_term_tally_forget_days() returns trigger language plpgsql as $$
begin
    delete from diary_term_tally x using changed c
    where x.member_id = c.member_id and c.day between x.week_start and x.week_start + 6;
    return null;
end $$;

-- one trigger per event: a trigger with a transition table may have only one; statement
-- triggers, so that a COPY of millions of rows runs one delete, not one per row
create trigger diary_term_tally_term_update after update on term
    referencing old table as changed for each statement execute function diary_term_tally_forget_terms();
create trigger diary_term_tally_term_delete after delete on term
    referencing old table as changed for each statement execute function diary_term_tally_forget_terms();
create trigger diary_term_tally_member_insert after insert on term_member
    referencing new table as changed for each statement execute function diary_term_tally_forget_members();
create trigger diary_term_tally_member_update after update on term_member
    referencing old table as changed for each statement execute function diary_term_tally_forget_members();
create trigger diary_term_tally_member_update_new after update on term_member
    referencing new table as changed for each statement execute function diary_term_tally_forget_members();
create trigger diary_term_tally_member_delete after delete on term_member
    referencing old table as changed for each statement execute function diary_term_tally_forget_members();
create trigger diary_term_tally_day_insert after insert on diary_entry
    referencing new table as changed for each statement execute function diary_term_tally_forget_days();
create trigger diary_term_tally_day_update after update on diary_entry
    referencing new table as changed for each statement execute function diary_term_tally_forget_days();
create trigger diary_term_tally_day_update_old after update on diary_entry
    referencing old table as changed for each statement execute function diary_term_tally_forget_days();
create trigger diary_term_tally_day_delete after delete on diary_entry
    referencing old table as changed for each statement execute function diary_term_tally_forget_days();
