#!/usr/bin/env bash
# The insights dashboard and its league table at growing sizes of ledger (docs/BENCHMARKS.md,
# "Insights at province scale"). Fills a database of its own with a province, once
# (bench/insights-data.py setup: 1,000 streets of 20 villages, their street offices and 40
# bureaus, 60,000 members, ten years of weekly terms with their teams, troubleshooters and
# diaries; every term's hand-over to the village's next, bench/insights-handovers.sql), and
# then, size after size, appends generated cases (insights-data.py cases: cases
# over ten years with their events and callbacks, Chinese texts from templates, the morning
# meetings' and inspections' cases in their village's terms), loaded with PostgreSQL's COPY,
# and times the pages as the organization department opens them. A step of BENCH_BIG_STEP
# cases or more (100,000) is streamed through named pipes, one psql \copy per table beside
# the generator, with the tables' secondary indexes and foreign keys dropped and then made
# again (from their definitions as the database gives them); a smaller one goes through files
# and the indexes as they are. Each row prints the time of every phase.
#
#   bench/insights.sh                       # 10k, 100k and 1M cases
#   BENCH_SIZES="10000 100000 1000000 10000000" bench/insights.sh
#   BENCH_RUNS=5 BENCH_PAGE_RUNS=20: timed requests of the insights pages / of the other pages
#   BENCH_WARMUP=10: untimed requests of each before (1: the first requests after a start)
#   BENCH_LOAD_ONLY=true: load the sizes without timing the pages
#   BENCH_REUSE=true: keep $BENCH_DB as it is (no drop, no load) and only time the pages, e.g.
#     with another build: BENCH_SKIP_BUILD=true and a jar of one's own at $JAR
#   BENCH_ROTATION=8: a village has a term one week in 8 (3 to 20)
#
# Needs: a PostgreSQL server (default 127.0.0.1:5432, user postgres) where $BENCH_DB may be
# dropped and created, psql, curl, python3, bc and a JDK.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
# the whole script is one block, read before it runs: a checkout or an edit of this file during
# a run (an hour at 10 M) does not change what runs
{

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_insights}
PORT=${BENCH_PORT:-8183}
SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
RUNS=${BENCH_RUNS:-5}
PAGE_RUNS=${BENCH_PAGE_RUNS:-20}
WARMUP=${BENCH_WARMUP:-10}
REUSE=${BENCH_REUSE:-false}
LOAD_ONLY=${BENCH_LOAD_ONLY:-false}
ROTATION=${BENCH_ROTATION:-8}
BIG=${BENCH_BIG_STEP:-100000}
JAR=${BENCH_JAR:-target/oneweek-0.1.0-SNAPSHOT.jar}
WORK=target/bench/insights
mkdir -p "$WORK"

if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$JAR" ]]; then
  ./mvnw -q -DskipTests package
fi
RESTORE="$WORK/$DB-restore.sql"
if [[ "$REUSE" != "true" ]]; then
  dropdb --if-exists "$DB"
  createdb "$DB"
  rm -f "$RESTORE"
fi

# the jobs are off as in every benchmark here; so are the public log's backfill (the COPYed
# history is not appended to the log: 36 M leaves would keep a core busy for hours, and the
# log's own benchmarks measure it at 10 M leaves) and the blind spots' catch-up (after a bulk
# load it would reconcile the recent weeks for hours; the figure says how many are pending)
java -Xmx2g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --oneweek.casework.jobs.enabled=false --oneweek.diary.jobs.enabled=false --logging.level.root=WARN \
  --oneweek.transparency.backfill.enabled=false --oneweek.insights.jobs.enabled=false \
  > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

sql() { psql -q -X -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# Before a bulk load: the definitions of the tables' secondary indexes (those that back no
# primary key or unique constraint) and of their foreign keys, as pg_get_indexdef and
# pg_get_constraintdef give them, are saved in $RESTORE, then dropped. restore_secondary
# creates them again in one transaction (the foreign keys validated over all rows, one join
# each instead of a lookup per row), so a failed load leaves the file to apply on the next start.
drop_secondary() {
  local list
  list=$(printf "'%s'," "$@"); list=${list%,}
  sql -tA > "$RESTORE.new" <<SQL
select pg_get_indexdef(i.indexrelid) || ';' from pg_index i join pg_class t on t.oid = i.indrelid
where t.relname in ($list) and t.relnamespace = 'public'::regnamespace
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid
                  and c.contype in ('p', 'u', 'x'))
union all
select format('alter table %s add constraint %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
from pg_constraint c join pg_class t on t.oid = c.conrelid
where c.contype = 'f' and t.relname in ($list) and t.relnamespace = 'public'::regnamespace;
SQL
  mv "$RESTORE.new" "$RESTORE"
  sql <<SQL
select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname)
from pg_constraint c join pg_class t on t.oid = c.conrelid
where c.contype = 'f' and t.relname in ($list) and t.relnamespace = 'public'::regnamespace
\\gexec
select format('drop index %s', i.indexrelid::regclass) from pg_index i join pg_class t on t.oid = i.indrelid
where t.relname in ($list) and t.relnamespace = 'public'::regnamespace
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid
                  and c.contype in ('p', 'u', 'x'))
\\gexec
SQL
}
restore_secondary() {
  [[ -s "$RESTORE" ]] || return 0
  sql --single-transaction -c "set maintenance_work_mem = '1GB'" -f "$RESTORE"
  rm -f "$RESTORE"
}
restore_secondary   # what an interrupted load left

# The generator's output streamed into the database: one named pipe and one psql \copy per
# table, so generating and copying overlap (and the tables are copied side by side). Only
# for tables without foreign keys between them at the time (see drop_secondary).
stream() {
  local mode=$1 dir="$WORK/pipes" pids=() table cols
  shift
  rm -rf "$dir"; mkdir -p "$dir"
  while IFS=$'\t' read -r table cols; do
    mkfifo "$dir/$table.csv"
    sql -c "\\copy $table ($cols) from '$dir/$table.csv' csv" &
    pids+=($!)
  done < <(python3 bench/insights-data.py "$mode" --columns)
  if ! python3 bench/insights-data.py "$mode" --out "$dir" --rotation "$ROTATION" "$@"; then
    kill "${pids[@]}" 2>/dev/null || true
    exit 1
  fi
  for p in "${pids[@]}"; do wait "$p"; done
  rm -rf "$dir"
}
# The same into plain files, then copied one table after the other (foreign keys kept).
files() {
  local mode=$1 dir="$WORK/data" table cols
  shift
  rm -rf "$dir"
  python3 bench/insights-data.py "$mode" --out "$dir" --rotation "$ROTATION" "$@"
  while IFS=$'\t' read -r table cols; do
    sql -c "\\copy $table ($cols) from '$dir/$table.csv' csv"
  done < <(python3 bench/insights-data.py "$mode" --columns)
  rm -rf "$dir"
}
# every id sequence of these tables past the largest id, so the application's inserts go on
setvals() {
  local t
  for t in "$@"; do
    sql -tA -c "select setval(pg_get_serial_sequence('$t', 'id'), greatest((select max(id) from $t), 1))" >/dev/null
  done
}
SETUP_TABLES="township village unit member term term_member troubleshooter_duty diary_entry"
CASE_TABLES="case_file case_event callback_attempt"

# the province, once: 1,000 streets of 20 villages with their units, members, ten years of
# terms, troubleshooters and diaries (the demo's district stays beside it)
setup_s=""
if [[ "$REUSE" != "true" ]]; then
  t0=$(now)
  DISTRICT=$(sql -tA -c "insert into district (code, name, case_prefix) values ('BX', '基准省', 'BX') returning id")
  # shellcheck disable=SC2086
  drop_secondary $SETUP_TABLES
  stream setup --district "$DISTRICT"
  restore_secondary
  # shellcheck disable=SC2086
  setvals ${SETUP_TABLES/term_member /}
  # every term handed over to its village's next (1.3 M hand-overs; their cases with the cases)
  sql -f bench/insights-handovers.sql >/dev/null
  sql -c "analyze"
  setup_s=$(since "$t0")
  echo "setup: $(printf '%.0f' "$setup_s") s; $(for t in $SETUP_TABLES; do
    k=id; [[ $t == term_member ]] && k=term_id
    printf '%s %s, ' "$t" "$(sql -tA -c "select count(*) from $t where $k >= 100000000")"; done | sed 's/, $//')"
fi
ACCOUNT=$(psql -d "$DB" -tAc "select id from user_account where username = 'admin'")
STREET=$(psql -d "$DB" -tAc "select id from township where code = 'BXS0001'")

# a session of the department's administrator
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
JARFILE="$WORK/cookies.txt"
rm -f "$JARFILE"
csrf=$(curl -fs -c "$JARFILE" -b "$JARFILE" "http://127.0.0.1:$PORT/login" | token)
curl -fs -o /dev/null -c "$JARFILE" -b "$JARFILE" --data-urlencode "username=admin" \
  --data-urlencode "password=oneweek-demo" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"

# median and 95th percentile (nearest rank) of RUNS requests, in ms, after WARMUP (10) of the
# same: a server that has served a page a few times, as the department's is, not the first
# requests after a start while the JVM compiles (those are in docs/BENCHMARKS.md apart)
timeit() {
  for _ in $(seq 1 "$WARMUP"); do
    curl -fs -o /dev/null -b "$JARFILE" "$@" || { echo "failed: $*" >&2; exit 1; }
  done
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
echo "| cases | setup s | generate + COPY s (cases/s) | index rebuild s | summary rebuild s | dashboard, district ms (median / p95) | dashboard, one street by month | league table of 20,000 villages (CSV) | metrics API, district | ledger search 垃圾 p50 / p95 | case list | a case page | village board | intake | load |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
pages() {
  [[ "$LOAD_ONLY" == "true" ]] && { printf '| | | | | | | | | |'; return; }
  local dash street league api search list ref page board intakes
  dash=$(timeit "http://127.0.0.1:$PORT/insights")
  street=$(timeit "http://127.0.0.1:$PORT/insights?township=$STREET&period=MONTH")
  league=$(timeit "http://127.0.0.1:$PORT/insights/export.csv?table=village")
  api=$(timeit -u admin:oneweek-demo "http://127.0.0.1:$PORT/api/v1/insights/metrics")
  search=$(timepage --get --data-urlencode "q=垃圾" "http://127.0.0.1:$PORT/cases")
  list=$(timepage "http://127.0.0.1:$PORT/cases")
  ref=$(psql -d "$DB" -tAc "select reference from case_file where id = (select (min(id) + max(id)) / 2 from case_file where id >= 100000000)")
  page=$(timepage "http://127.0.0.1:$PORT/cases/$ref")
  board=$(timepage "http://127.0.0.1:$PORT/board/BXS0001V01")
  intakes=$(timeintake)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$dash" "$street" "$league" "$api" "$search" "$list" "$page" "$board" "$intakes"
}
total() { psql -d "$DB" -tAc 'select count(*) from case_file'; }
if [[ "$REUSE" == "true" ]]; then
  # the database as it is: only the pages
  n=$(total)
  row=$(pages)
  printf "| %s | – | – | – | – %s %s |\n" "$n" "$row" "$(cut -d' ' -f1-3 /proc/loadavg)"
  SIZES=""
fi
for size in $SIZES; do
  have=$(total)
  count=$(( size - have ))
  (( count > 0 )) || continue
  next_id=$(psql -d "$DB" -tAc "select greatest(max(id) + 1, 100000000) from case_file")
  args=(--account "$ACCOUNT" --first-id "$next_id" --count "$count")
  t0=$(now)
  rebuild_s=0
  if (( count >= BIG )); then
    # a big step: without the secondary indexes and foreign keys, streamed, then rebuilt
    # shellcheck disable=SC2086
    drop_secondary $CASE_TABLES
    stream cases "${args[@]}"
    t1=$(now)
    restore_secondary
    rebuild_s=$(since "$t1")
  else
    files cases "${args[@]}"
  fi
  # the hand-overs' items: the new cases still open at their term's hand-over
  sql -v first="$next_id" -v last="$(( next_id + count - 1 ))" -f bench/insights-handover-items.sql >/dev/null
  t2=$(now)
  setvals case_file
  sql -c "analyze case_file" -c "analyze case_event" -c "analyze callback_attempt"
  load_s=$(echo "$t2 - $t0 - $rebuild_s" | bc)
  # the cases came by COPY, not through the ledger: the summary is built anew
  t3=$(now)
  curl -fs -o /dev/null -X POST -H "X-CSRF-TOKEN: $CSRF" -b "$JARFILE" "http://127.0.0.1:$PORT/api/v1/insights/summary/rebuild?blindSpots=false"
  summary_s=$(since "$t3")
  n=$(total)
  row=$(pages)
  printf "| %s | %s | %.0f (%.0f) | %.0f | %.0f %s %s |\n" "$n" "$( [[ -n "$setup_s" ]] && printf '%.0f' "$setup_s" || echo –)" \
    "$load_s" "$(echo "$count / $load_s" | bc)" "$rebuild_s" "$summary_s" "$row" "$(cut -d' ' -f1-3 /proc/loadavg)"
  setup_s=""
done

if [[ "$LOAD_ONLY" != "true" ]]; then
  # the summary against a full recomputation from the ledger's rows, after the intakes above
  t0=$(now)
  echo "check: $(curl -fs -u admin:oneweek-demo "http://127.0.0.1:$PORT/api/v1/insights/summary/check") in $(since "$t0") s"
fi
exit
}
