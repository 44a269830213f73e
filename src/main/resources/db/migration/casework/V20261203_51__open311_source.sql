-- A case may come from another system through Open311 (its recording account names the
-- system's key).
alter table case_file drop constraint case_file_source_check;
alter table case_file add constraint case_file_source_check check (source in ('MORNING_MEETING', 'INSPECTION',
    'OFFICIALS_LIST', 'VILLAGER_FOLLOW_UP', 'PHONE', 'WALK_IN', 'OPEN311'));
