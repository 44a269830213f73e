-- The summary's rows are written in the order of their key at a rebuild (the derived
-- rollups too), so that reading a rollup's range (a province's 60,000 members' all-time
-- rows) reads its pages one after another rather than one page a row; and they are kept
-- where they are when a change adds to their counts: a tally row's update changes no
-- indexed column, and with room left on its page it is a HOT update on the same page.
alter table insights_tally set (fillfactor = 70);
alter table insights_tally_hours set (fillfactor = 70);
