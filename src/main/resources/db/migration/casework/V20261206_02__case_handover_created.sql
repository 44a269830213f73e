-- The hand-overs by their day: the figures of hand-over acknowledgement read a period's
-- hand-overs (the last 13 weeks by default) out of a province's 1.3 million.
create index case_handover_created_idx on case_handover (created_at);
