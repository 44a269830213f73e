#!/usr/bin/env bash
# Inclusion- and consistency-proof time at 10,000,000 leaves, from the log's own store
# (LogStore's SQL on tlog_node and its primary key), on PostgreSQL. The tree's perfect
# subtrees (about 20 million rows) are generated in the database with stand-in hashes:
# proof time does not depend on what the hashes are, only on how many rows are read.
#
# Needs: PostgreSQL (default 127.0.0.1:5432, user postgres) where $BENCH_DB may be dropped
# and created, psql, a JDK; the project compiled (./mvnw -q test-compile).
#
#   bench/transparency-proofs.sh          # SIZE=10000000 ROUNDS=2000 by default
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_tlog}
SIZE=${SIZE:-10000000}
ROUNDS=${ROUNDS:-2000}

# BENCH_REUSE=true: keep a database this script built before, if its tree has SIZE leaves
built=$(psql -d "$DB" -tAc "select size from tlog_state" 2>/dev/null || echo 0)
if [[ "${BENCH_REUSE:-}" == "true" && "$built" == "$SIZE" ]]; then
  echo "reusing $DB ($SIZE leaves)"
else
dropdb --if-exists "$DB"
createdb "$DB"
# the table as the migration makes it, filled level by level before its key is built
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
create table tlog_node (level smallint not null, idx bigint not null, hash bytea not null);
do \$\$
declare l int := 0;
begin
  while ($SIZE >> l) > 0 loop
    insert into tlog_node
      select l, i, sha256(int8send(i) || int4send(l)) from generate_series(0, ($SIZE >> l) - 1) i;
    l := l + 1;
  end loop;
end \$\$;
alter table tlog_node add primary key (level, idx);
-- the log's size and its leaves (stand-in entries of 32 bytes), for the proof as the
-- service answers it: the size checked, the proof, the root and the leaf's entry
create table tlog_state (id int primary key, size bigint not null, frontier bytea not null);
insert into tlog_state values (1, $SIZE, ''::bytea);
create table tlog_leaf (idx bigint not null, case_id bigint not null, seq int not null, entry bytea not null);
insert into tlog_leaf select i, i / 4, 1 + i % 4, sha256(int8send(i)) from generate_series(0, $SIZE - 1) i;
alter table tlog_leaf add primary key (idx);
vacuum analyze tlog_node;
vacuum analyze tlog_leaf;
SQL
fi
if [[ "${BENCH_BUILD_ONLY:-}" == "true" ]]; then exit 0; fi
psql -d "$DB" -tAc "select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('tlog_node')) from tlog_node"

CP=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$CP" org.oneweek.transparency.ProofBenchmark \
  "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" "$SIZE" "$ROUNDS"
