-- The same dates entered twice (a double-submitted form) are one record.
create unique index member_unavailability_once_idx on member_unavailability (member_id, from_date, to_date);
