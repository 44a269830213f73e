-- The summary's rollups of the district (no street kept: DM month, DW week, KD category
-- and type × year, UD unit × year), of the streets by year (SY) and of villages and
-- members over all time (VA, MA): the district's dashboard sums hundreds of rows instead
-- of hundreds of thousands (docs/INSIGHTS.md, "The summary"). No table changes: the rows
-- are new values of insights_tally.rollup, summed at the next start, when the summary is
-- built anew (its state row is removed).
delete from insights_tally_state;
