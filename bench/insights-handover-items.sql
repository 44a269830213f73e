-- The items of the generated hand-overs (bench/insights.sh, after each step of cases, for the
-- cases with ids :first to :last): a case of a term's village received before the term's
-- hand-over and still open then (not resolved, declined or merged by it) is handed over,
-- as Handovers.create hands over the village's open cases; here only those received in the
-- hand-over's own term (its morning meetings' and inspections' cases), which keeps the join
-- to one term a case.
insert into case_handover_item (handover_id, case_id, state)
select h.id, c.id,
       case when c.first_contact_at is null or c.first_contact_at > h.created_at then 'ASSIGNED' else 'IN_PROGRESS' end
from case_file c
join case_handover h on h.from_term_id = c.received_term_id
where c.id between :first and :last and c.state not in ('MERGED', 'DECLINED')
  and c.received_at < h.created_at and (c.resolved_at is null or c.resolved_at > h.created_at)
on conflict do nothing;
vacuum (analyze) case_handover_item;
