-- This installation's own name, made once with the database and never changed: calendar
-- feeds use it in their events' UIDs, so that a phone subscribed to two installations (a
-- district's and a training copy) never mixes their events, and a restart changes nothing.
create table installation (
    singleton  boolean primary key default true check (singleton),
    id         uuid not null default gen_random_uuid(),
    created_at timestamptz not null default now()
);
insert into installation default values;
