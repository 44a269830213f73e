-- One append to the log in one statement (LogStore.append): takes the log's advisory lock
-- (held until the caller's transaction ends, as before), checks that the tree is still the
-- one the caller computed from (its size and right edge), and if so inserts the leaves and
-- the perfect subtrees they complete and moves the tree's size and right edge on. If the
-- tree is not that one (another instance appended, or an earlier append of this instance
-- was rolled back), nothing is written: the tree's size and right edge are returned, and
-- the caller, who now holds the lock, computes again from them.
--
-- plpgsql, volatile: each statement inside sees what was committed before it started, so
-- the state read after the lock is the state every earlier appender committed.
create function tlog_append(p_lock bigint, p_size bigint, p_frontier bytea, p_new_frontier bytea,
        p_case bigint[], p_seq int[], p_entry bytea[],
        p_level int[], p_idx bigint[], p_hash bytea[])
    returns table (appended boolean, size bigint, frontier bytea)
    language plpgsql volatile as $$
declare
    current_size bigint;
    current_frontier bytea;
begin
    perform pg_advisory_xact_lock(p_lock);
    select s.size, s.frontier into current_size, current_frontier from tlog_state s where s.id = 1;
    if current_size <> p_size or current_frontier <> p_frontier then
        return query select false, current_size, current_frontier;
        return;
    end if;
    insert into tlog_leaf (idx, case_id, seq, entry)
        select p_size + u.n - 1, u.case_id, u.seq, u.entry
        from unnest(p_case, p_seq, p_entry) with ordinality as u(case_id, seq, entry, n);
    insert into tlog_node (level, idx, hash)
        select u.level, u.idx, u.hash from unnest(p_level, p_idx, p_hash) as u(level, idx, hash);
    update tlog_state s set size = p_size + cardinality(p_case), frontier = p_new_frontier where s.id = 1;
    return query select true, p_size + cardinality(p_case), p_new_frontier;
end $$;
