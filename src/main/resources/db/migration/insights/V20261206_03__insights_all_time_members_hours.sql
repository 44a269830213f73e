-- Two more rows of the summary over all time (docs/INSIGHTS.md, "The summary"): the
-- district's members (rollup MB, one row a member, summed from MA's rows of each street a
-- member recorded in) and the hours' histogram of all time (period 0001-01-01, summed from
-- its months), so that the district's dashboard ranks a province's 60,000 members on their
-- own rows and takes its medians from a few thousand rows instead of ten years' months.
-- Summed here from the rows the summary has (an empty summary gets none: it is built anew
-- at the next start), in their key order, as a rebuild writes them.
insert into insights_tally (rollup, period, township_id, village_id, category, case_type, unit_id, member_id,
        cases, contact_due, contact_on_time, contacted, resolution_due, resolved_on_time, resolved,
        awaiting_callback, callbacks, satisfied, basically_satisfied, unsatisfied, reopened, escalated,
        funding_requested, funding_approved, declined, funding_requested_sum, funding_approved_sum,
        attempts, attempts_reached, tried)
select 'MB', date '0001-01-01', 0, 0, '', '', 0, t.member_id,
        sum(t.cases), sum(t.contact_due), sum(t.contact_on_time), sum(t.contacted), sum(t.resolution_due),
        sum(t.resolved_on_time), sum(t.resolved), sum(t.awaiting_callback), sum(t.callbacks), sum(t.satisfied),
        sum(t.basically_satisfied), sum(t.unsatisfied), sum(t.reopened), sum(t.escalated),
        sum(t.funding_requested), sum(t.funding_approved), sum(t.declined), sum(t.funding_requested_sum),
        sum(t.funding_approved_sum), sum(t.attempts), sum(t.attempts_reached), sum(t.tried)
from insights_tally t where t.rollup = 'MA'
group by t.member_id order by t.member_id;

insert into insights_tally_hours (period, kind, hours, n)
select date '0001-01-01', h.kind, h.hours, sum(h.n)
from insights_tally_hours h where h.period > date '0001-01-01'
group by h.kind, h.hours order by h.kind, h.hours;

analyze insights_tally;
analyze insights_tally_hours;
