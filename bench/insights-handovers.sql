-- The hand-overs of the generated province (bench/insights.sh, after the setup): each
-- generated term (ids from 100,000,000) to its village's next term, made by the system on the
-- term's Friday at 17:00 (Asia/Shanghai), as the application hands ended terms over; the next
-- team acknowledges on its Monday, most within the morning, some a day or two late, one in
-- twenty days late; those whose next term begins after the data's end (2026-12-01) wait.
-- Their items (the open cases handed over) come with the cases: insights-handover-items.sql.
insert into case_handover (id, village_id, from_term_id, to_term_id, created_at, created_by, acknowledged_at,
                           acknowledged_by)
select t.id, t.village_id, t.id, n.id, h.made, 'SYSTEM', a.at, case when a.at is not null then '基准数据' end
from term t
join lateral (select n.id, n.week_start from term n where n.village_id = t.village_id and n.week_start > t.week_start
              order by n.week_start limit 1) n on true
cross join lateral (select ((t.week_start + 4) + time '17:00') at time zone 'Asia/Shanghai' as made,
                           (hashint8(t.id) & 1023) / 1024.0 as x) h
cross join lateral (select case when b.at < timestamptz '2026-12-01 00:00+08' then b.at end as at
                    from (select (n.week_start + time '09:00') at time zone 'Asia/Shanghai'
                                 + case when h.x < 0.80 then make_interval(mins => (h.x * 240)::int)
                                        when h.x < 0.95 then make_interval(hours => 24 + (h.x * 40)::int)
                                        else make_interval(hours => 72 + (h.x * 100)::int) end as at) b) a
where t.id >= 100000000;
select setval(pg_get_serial_sequence('case_handover', 'id'), (select max(id) from case_handover));
vacuum (analyze) case_handover;
