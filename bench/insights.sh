#!/usr/bin/env bash
# The insights dashboard and its league table at growing sizes of ledger (docs/BENCHMARKS.md,
# "Insights at province scale"). Fills a database of its own with a province (1,000 streets,
# 20,000 villages) and then, size after size, appends generated cases (bench/insights-data.py:
# cases over ten years with their events and callbacks, Chinese texts from templates), loaded
# with PostgreSQL's COPY, and times the pages as the organization department opens them.
#
#   bench/insights.sh                       # 10k, 100k and 1M cases
#   BENCH_SIZES="10000 100000 1000000 10000000" bench/insights.sh
#   BENCH_RUNS=5 BENCH_PAGE_RUNS=20: timed requests of the insights pages / of the other pages
#
# Needs: a PostgreSQL server (default 127.0.0.1:5432, user postgres) where $BENCH_DB may be
# dropped and created, psql, curl, python3 and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_insights}
PORT=${BENCH_PORT:-8183}
SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
RUNS=${BENCH_RUNS:-5}
PAGE_RUNS=${BENCH_PAGE_RUNS:-20}
JAR=target/oneweek-0.1.0-SNAPSHOT.jar
WORK=target/bench/insights
mkdir -p "$WORK"

if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$JAR" ]]; then
  ./mvnw -q -DskipTests package
fi
dropdb --if-exists "$DB"
createdb "$DB"

java -Xmx2g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --oneweek.casework.jobs.enabled=false --oneweek.diary.jobs.enabled=false --logging.level.root=WARN \
  > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

# the province: 1,000 streets of 20 villages (the demo's district stays beside it)
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<'SQL'
insert into district (code, name, case_prefix) values ('BX', '基准省', 'BX');
insert into township (district_id, code, name, kind, population)
select (select id from district where code = 'BX'), 'BXS' || lpad(n::text, 4, '0'), '基准街道' || n, 'STREET', null
from generate_series(1, 1000) n;
insert into village (township_id, code, name, kind, population, households)
select t.id, t.code || 'V' || lpad(v::text, 2, '0'), t.name || '第' || v || '村', 'VILLAGE',
       800 + (t.id * 37 + v * 101) % 4200, 300
from township t, generate_series(1, 20) v where t.code like 'BXS%';
SQL
psql -q -d "$DB" -c "\\copy (select v.id, v.township_id from village v join township t on t.id = v.township_id where t.code like 'BXS%' order by v.id) to '$WORK/villages.csv' csv"
ACCOUNT=$(psql -d "$DB" -tAc "select id from user_account where username = 'admin'")
STREET=$(psql -d "$DB" -tAc "select id from township where code = 'BXS0001'")

# a session of the department's administrator
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
JARFILE="$WORK/cookies.txt"
rm -f "$JARFILE"
csrf=$(curl -fs -c "$JARFILE" -b "$JARFILE" "http://127.0.0.1:$PORT/login" | token)
curl -fs -o /dev/null -c "$JARFILE" -b "$JARFILE" --data-urlencode "username=admin" \
  --data-urlencode "password=oneweek-demo" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"

# median and 95th percentile (nearest rank) of RUNS requests, in ms, after one warm-up
timeit() {
  curl -fs -o /dev/null -b "$JARFILE" "$@" || { echo "failed: $*" >&2; exit 1; }
  for _ in $(seq 1 "$RUNS"); do
    curl -fs -o /dev/null -b "$JARFILE" -w '%{time_total}\n' "$@"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.999)];
    printf "%.0f / %.0f", m, p }'
}

# the same, PAGE_RUNS requests: median / 95th percentile (nearest rank)
timepage() { RUNS=$PAGE_RUNS timeit "$@"; }
CSRF=$(curl -fs -b "$JARFILE" "http://127.0.0.1:$PORT/cases/new" | token)
DJ=$(psql -d "$DB" -tAc "select id from village where code = 'DJ'")
# an intake through the JSON API (the full write path, the summary's update with it)
intake() {
  curl -fs -o /dev/null -b "$JARFILE" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' -w '%{time_total}\n' \
    --data "{\"villageId\": $DJ, \"source\": \"MORNING_MEETING\", \"type\": \"HELP\", \"category\": \"SANITATION\", \"urgency\": \"NORMAL\", \"title\": \"垃圾清运不及时\", \"description\": \"河边垃圾点满了\"}" \
    "http://127.0.0.1:$PORT/api/v1/cases"
}
timeintake() {
  intake >/dev/null || { echo "intake failed" >&2; exit 1; }
  for _ in $(seq 1 "$PAGE_RUNS"); do intake; done | sort -n | awk '{ t[NR] = $1 * 1000 } END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.999)];
    printf "%.0f / %.0f", m, p }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(psql -d "$DB" -tAc 'select version()' | cut -d, -f1)"
echo "| cases | generate s | COPY s | summary rebuild s | dashboard, district ms (median / p95) | dashboard, one street by month | league table of 20,000 villages (CSV) | metrics API, district | ledger search 垃圾 p50 / p95 | case list | a case page | village board | intake | load |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
have=0
next_id=100000000
for size in $SIZES; do
  count=$(( size - have ))
  t0=$(date +%s.%N)
  python3 bench/insights-data.py --villages "$WORK/villages.csv" --account "$ACCOUNT" --first-id "$next_id" \
    --count "$count" --out "$WORK/data"
  t1=$(date +%s.%N)
  psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
\\copy case_file (id, reference, village_id, township_id, source, case_type, category, urgency, title, description, public_title, state, received_at, first_contact_due, resolution_due, first_contact_at, resolved_at, closed_at, result, satisfaction, reopened_count, funding_requested, funding_approved, recorded_by, last_event_seq, updated_at, search) from '$WORK/data/case_file.csv' csv
\\copy case_event (case_id, seq, kind, at, actor_id, actor_name, from_state, to_state, reason, data, public) from '$WORK/data/case_event.csv' csv
\\copy callback_attempt (case_id, attempt, at, by_account, by_name, reached, satisfaction, comment) from '$WORK/data/callback_attempt.csv' csv
analyze case_file;
analyze case_event;
analyze callback_attempt;
SQL
  t2=$(date +%s.%N)
  # the cases came by COPY, not through the ledger: the summary is built anew
  curl -fs -o /dev/null -X POST -H "X-CSRF-TOKEN: $CSRF" -b "$JARFILE" "http://127.0.0.1:$PORT/api/v1/insights/summary/rebuild"
  t3=$(date +%s.%N)
  have=$size
  next_id=$(( next_id + count ))
  dash=$(timeit "http://127.0.0.1:$PORT/insights")
  street=$(timeit "http://127.0.0.1:$PORT/insights?township=$STREET&period=MONTH")
  league=$(timeit "http://127.0.0.1:$PORT/insights/export.csv?table=village")
  api=$(timeit -u admin:oneweek-demo "http://127.0.0.1:$PORT/api/v1/insights/metrics")
  search=$(timepage --get --data-urlencode "q=垃圾" "http://127.0.0.1:$PORT/cases")
  list=$(timepage "http://127.0.0.1:$PORT/cases")
  ref=$(psql -d "$DB" -tAc "select reference from case_file where id = $(( next_id - count / 2 ))")
  page=$(timepage "http://127.0.0.1:$PORT/cases/$ref")
  board=$(timepage "http://127.0.0.1:$PORT/board/BXS0001V01")
  intakes=$(timeintake)
  printf "| %s | %.0f | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$(psql -d "$DB" -tAc 'select count(*) from case_file')" \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$dash" "$street" "$league" "$api" \
    "$search" "$list" "$page" "$board" "$intakes" "$(cut -d' ' -f1-3 /proc/loadavg)"
done

# the summary against a full recomputation from the ledger's rows, after the intakes above
t0=$(date +%s.%N)
echo "check: $(curl -fs -u admin:oneweek-demo "http://127.0.0.1:$PORT/api/v1/insights/summary/check") in $(echo "$(date +%s.%N) - $t0" | bc) s"
