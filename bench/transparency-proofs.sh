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
vacuum analyze tlog_node;
SQL
psql -d "$DB" -tAc "select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('tlog_node')) from tlog_node"

CP=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$CP" org.oneweek.transparency.internal.ProofBenchmark \
  "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" "$SIZE" "$ROUNDS"
