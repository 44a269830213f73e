#!/usr/bin/env bash
# Case intake throughput through the HTTP API (the full write path: case, event, search
# tokens, idempotency key, reporter) against raw single-row inserts measured by pgbench,
# on the same PostgreSQL server in the same run. See docs/BENCHMARKS.md.
#
# Needs: a PostgreSQL server (default 127.0.0.1:5432, user postgres) where the database
# $BENCH_DB may be dropped and created, pgbench, wrk, curl, and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_casework}
PORT=${BENCH_PORT:-8089}
DURATION=${BENCH_DURATION:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-20}
# the JIT needs tens of thousands of requests before the code is compiled
WARMUP=${BENCH_WARMUP:-75}
JAR=target/oneweek-0.1.0-SNAPSHOT.jar
WORK=target/bench
mkdir -p "$WORK"

if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$JAR" ]]; then
  ./mvnw -q -DskipTests package
fi

dropdb --if-exists "$DB"
createdb "$DB"

java -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --spring.datasource.hikari.maximum-pool-size="$CONNECTIONS" --oneweek.casework.jobs.enabled=false \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

# sign in as the demo secretary (东江村's lead this week), once per client connection, and
# keep each session with a CSRF token of one of its pages
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
signin() {
  local jar="$WORK/cookies-$1.txt"
  rm -f "$jar"
  local login_csrf
  login_csrf=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | token)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=secretary" \
    --data-urlencode "password=oneweek-demo" --data-urlencode "_csrf=$login_csrf" "http://127.0.0.1:$PORT/login"
  local csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/cases/new" | token)
  echo "$(awk '$6 == "SESSION" { print $7 }' "$jar"):$csrf"
}
SESSIONS=""
for i in $(seq 1 "$CONNECTIONS"); do
  SESSIONS="$SESSIONS${SESSIONS:+,}$(signin "$i")"
done
export BENCH_SESSIONS="$SESSIONS"
export BENCH_VILLAGE=$(psql -d "$DB" -tAc "select id from village where code = 'DJ'")
before=$(psql -d "$DB" -tAc "select count(*) from case_file")

# raw single-row inserts, same server, same concurrency
psql -q -d "$DB" -c "create table bench_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())"
echo "insert into bench_insert (payload) values ('垃圾清运不及时');" > "$WORK/insert.sql"
pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$WORK/insert.sql" "$DB" > "$WORK/pgbench.txt" 2>&1
PG_TPS=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench.txt" | head -1 | awk '{print $3}')

# warm the JVM up, then measure
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/casework-intake.lua "http://127.0.0.1:$PORT" > "$WORK/wrk-warmup.txt"
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/casework-intake.lua "http://127.0.0.1:$PORT" \
  > "$WORK/wrk.txt"
LINE=$(grep '^BENCH' "$WORK/wrk.txt")
API_RPS=$(echo "$LINE" | sed 's/.* rps=\([0-9.]*\).*/\1/')

# a lighter load: 4 connections
wrk -t4 -c4 -d"${DURATION}s" -s bench/casework-intake.lua "http://127.0.0.1:$PORT" > "$WORK/wrk-light.txt"
LIGHT=$(grep '^BENCH' "$WORK/wrk-light.txt")

after=$(psql -d "$DB" -tAc "select count(*) from case_file")
events=$(psql -d "$DB" -tAc "select count(*) from case_event where kind = 'RECEIVED'")
distinct=$(psql -d "$DB" -tAc "select count(distinct reference) = count(*) from case_file")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(psql -d "$DB" -tAc 'select version()' | cut -d, -f1)"
echo "pgbench single-row insert, $CONNECTIONS clients: $PG_TPS tps"
echo "API intake, $CONNECTIONS connections: $LINE"
echo "API intake, 4 connections: $LIGHT"
echo "ratio API/pgbench: $(awk -v a="$API_RPS" -v p="$PG_TPS" 'BEGIN { printf "%.3f", a / p }')"
echo "cases created in the run: $((after - before)) (received events: $events, references all distinct: $distinct)"
