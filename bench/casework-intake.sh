#!/usr/bin/env bash
# Case intake throughput through the HTTP API (the full write path: case, event, search
# tokens, idempotency key, reporter) against raw single-row inserts measured by pgbench,
# on the same PostgreSQL server in the same run, at the same concurrency. For scale, the
# cheapest request the application answers (/actuator/health: the security filters and
# one validation query) is measured too, and the CPU each request costs the JVM and
# PostgreSQL. See docs/BENCHMARKS.md.
#
# Needs: a PostgreSQL server (default 127.0.0.1:5432, user postgres) where the database
# $BENCH_DB may be dropped and created, pgbench, wrk, curl, python3 and a JDK.
#
# BENCH_AUTH=token (default): a personal API token (Authorization: Bearer), as machine
# clients use; BENCH_AUTH=session: a signed-in browser session per connection with its
# CSRF token.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_casework}
PORT=${BENCH_PORT:-8089}
DURATION=${BENCH_DURATION:-30}
LOADS=${BENCH_CONNECTIONS:-"1 4 20"}
AUTH=${BENCH_AUTH:-token}
# the JIT needs tens of thousands of requests before the code is compiled
WARMUP=${BENCH_WARMUP:-75}
JAR=${BENCH_JAR:-target/oneweek-0.1.0-SNAPSHOT.jar}
WORK=target/bench
mkdir -p "$WORK"
MAXC=$(echo "$LOADS" | tr ' ' '\n' | sort -n | tail -1)

if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$JAR" ]]; then
  ./mvnw -q -DskipTests package
fi

dropdb --if-exists "$DB"
createdb "$DB"

java -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --spring.datasource.hikari.maximum-pool-size="$MAXC" --oneweek.casework.jobs.enabled=false \
  --oneweek.diary.jobs.enabled=false --logging.level.root=WARN ${BENCH_APP_ARGS:-} > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 "${BENCH_START_WAIT:-120}"); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

if [[ "$AUTH" == "token" ]]; then
  # a personal API token of the demo secretary (东江村's lead this week); only its
  # SHA-256 is stored, as the account page stores the tokens it creates
  TOKEN="ow_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  psql -q -d "$DB" -c "insert into api_token (account_id, name, token_hash, created_at, created_by)
    select id, 'benchmark', encode(sha256(convert_to('$TOKEN', 'UTF8')), 'hex'), now(), 'bench'
    from user_account where username = 'secretary'"
  export BENCH_TOKEN="$TOKEN"
else
  # sign in once per client connection, and keep each session with a CSRF token
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
  for i in $(seq 1 "$MAXC"); do
    SESSIONS="$SESSIONS${SESSIONS:+,}$(signin "$i")"
  done
  export BENCH_SESSIONS="$SESSIONS"
fi
export BENCH_VILLAGE=$(psql -d "$DB" -tAc "select id from village where code = 'DJ'")
# one intake by hand first: the run is worthless if it does not answer 201
if [[ "$AUTH" == "token" ]]; then
  auth=(-H "Authorization: Bearer $BENCH_TOKEN")
else
  first=${BENCH_SESSIONS%%,*}
  auth=(-H "Cookie: SESSION=${first%%:*}" -H "X-CSRF-TOKEN: ${first#*:}")
fi
status=$(curl -s -o "$WORK/first.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
  --data "{\"villageId\": $BENCH_VILLAGE, \"source\": \"MORNING_MEETING\", \"type\": \"HELP\", \"category\": \"SANITATION\", \"urgency\": \"NORMAL\", \"title\": \"试一下\"}" \
  "http://127.0.0.1:$PORT/api/v1/cases")
if [[ "$status" != "201" ]]; then
  echo "the first intake answered $status, not 201:" >&2
  cat "$WORK/first.json" >&2
  exit 1
fi
before=$(psql -d "$DB" -tAc "select count(*) from case_file")
psql -q -d "$DB" -c "create table bench_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())"
echo "insert into bench_insert (payload) values ('垃圾清运不及时');" > "$WORK/insert.sql"

# CPU seconds used by the application's JVM and by all PostgreSQL processes
cpu() {
  local java pg
  java=$(awk '{ print $14 + $15 }' /proc/$APP/stat)
  pg=$(for p in $(pgrep -u postgres || true); do awk '{ print $14 + $15 }' /proc/$p/stat 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }')
  echo "$java $pg"
}
per_request() { # before after requests -> "java_ms pg_ms"
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN { split(b, x, " "); split(a, y, " "); tck = 100;
    printf "%.2f %.2f", (y[1] - x[1]) / tck * 1000 / n, (y[2] - x[2]) / tck * 1000 / n }'
}

# warm the JVM up
wrk -t"$MAXC" -c"$MAXC" -d"${WARMUP}s" -s bench/casework-intake.lua "http://127.0.0.1:$PORT" > "$WORK/wrk-warmup.txt"
wrk -t2 -c"$MAXC" -d10s "http://127.0.0.1:$PORT/actuator/health" > /dev/null

# The intake's own statement (the one CaseManagement.record sends: idempotency key, case
# with its number and search terms, reporter, first event), with the values of the cases the
# warm-up recorded, replayed by pgbench with no application at all: what the database
# alone allows for this write.
TERM_ID=$(psql -d "$DB" -tAc "select coalesce(received_term_id, responsible_term_id) from case_file order by id desc limit 1")
ACCOUNT_ID=$(psql -d "$DB" -tAc "select id from user_account where username = 'secretary'")
MEMBER_ID=$(psql -d "$DB" -tAc "select coalesce(member_id::text, 'null') from user_account where username = 'secretary'")
TOWNSHIP_ID=$(psql -d "$DB" -tAc "select township_id from village where id = $BENCH_VILLAGE")
SEQUENCE=$(psql -d "$DB" -tAc "select relname from pg_class where relkind = 'S' and relname like 'case_ref_%' order by relname desc limit 1")
PREFIX=$(echo "$SEQUENCE" | sed 's/^case_ref_\([a-z]*\)_\([0-9]*\)$/\U\1\E-\2-/')
# the search terms the application sent for the last case the warm-up recorded, in order
TERMS=$(psql -d "$DB" -tAc "select string_agg(lexeme, ' ' order by p) from (select lexeme, unnest(positions) p
  from unnest((select search from case_file order by id desc limit 1))) t")
cat > "$WORK/intake.sql" <<SQL
\\set n random(1, 2000000000)
with i as (select nextval('case_file_id_seq') as id),
k as (insert into case_idempotency (account_id, key, request_hash, case_id)
  select $ACCOUNT_ID, 'pgbench-' || :n || '-' || :client_id, repeat('0', 64), id from i on conflict do nothing returning case_id),
c as (insert into case_file (id, reference, village_id, township_id, received_term_id, responsible_term_id,
    source, case_type, category, urgency, title, description, location, public_title, state,
    received_at, first_contact_due, resolution_due, recorded_by, recorded_by_member, last_event_seq, updated_at, search)
  select i.id, '$PREFIX' || (select case when n < 100000 then lpad(n::text, 5, '0') else n::text end
                              from nextval('$SEQUENCE') n),
    $BENCH_VILLAGE, $TOWNSHIP_ID, $TERM_ID, $TERM_ID, 'MORNING_MEETING', 'HELP', 'SANITATION', 'NORMAL', '垃圾清运不及时',
    '河边垃圾点满了，两车都拉不完，味道很大', '河堤东段', '垃圾清运不及时', 'RECEIVED', now(), now() + interval '1 day',
    now() + interval '3 days', $ACCOUNT_ID, $MEMBER_ID, 1, now(), to_tsvector('simple', '$TERMS')
  from i where exists (select 1 from k) returning *),
r as (insert into case_reporter (case_id, name, phone, household, consent) select id, '李建国', '13900001111', null, false from c),
e as (insert into case_event (case_id, seq, kind, at, actor_id, actor_name, to_state, data, public)
  select id, 1, 'RECEIVED', now(), $ACCOUNT_ID, 'pgbench', 'RECEIVED',
    '{"source": "MORNING_MEETING", "urgency": "NORMAL", "type": "HELP", "category": "SANITATION"}'::jsonb, true from c)
select id, reference from c;
SQL
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(psql -d "$DB" -tAc 'select version()' | cut -d, -f1), auth: $AUTH"
printf "%-5s %12s %12s %8s %10s %10s %11s %10s %12s %8s %11s %8s\n" conns pgbench_tps intake_rps ratio p50_ms p99_ms "jvm_ms/req" "pg_ms/req" health_rps ratio "sql_tps" ratio
for c in $LOADS; do
  threads=$(( c < 2 ? 1 : 2 ))
  pgbench -n -c "$c" -j "$threads" -T "$DURATION" -f "$WORK/insert.sql" "$DB" > "$WORK/pgbench-$c.txt" 2>&1
  pg_tps=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench-$c.txt" | head -1 | awk '{print $3}')
  b=$(cpu)
  wrk -t"$c" -c"$c" -d"${DURATION}s" --latency -s bench/casework-intake.lua "http://127.0.0.1:$PORT" > "$WORK/wrk-$c.txt"
  a=$(cpu)
  line=$(grep '^BENCH' "$WORK/wrk-$c.txt")
  rps=$(echo "$line" | sed 's/.* rps=\([0-9.]*\).*/\1/')
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  non201=$(echo "$line" | sed 's/.*non201=\([0-9]*\).*/\1/')
  p50=$(echo "$line" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')
  p99=$(echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
  costs=$(per_request "$b" "$a" "$requests")
  wrk -t"$threads" -c"$c" -d"${DURATION}s" "http://127.0.0.1:$PORT/actuator/health" > "$WORK/health-$c.txt"
  health=$(grep 'Requests/sec' "$WORK/health-$c.txt" | awk '{print $2}')
  pgbench -n -c "$c" -j "$threads" -T "$DURATION" -f "$WORK/intake.sql" "$DB" > "$WORK/pgbench-intake-$c.txt" 2>&1
  sql_tps=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench-intake-$c.txt" | head -1 | awk '{print $3}')
  if grep -q 'aborted\|ERROR' "$WORK/pgbench-intake-$c.txt"; then
    echo "  the intake statement failed under pgbench (see $WORK/pgbench-intake-$c.txt)"
  fi
  printf "%-5s %12.0f %12.1f %8.3f %10s %10s %11s %10s %12.0f %8.3f %11.0f %8.3f\n" "$c" "$pg_tps" "$rps" \
    "$(awk -v a="$rps" -v p="$pg_tps" 'BEGIN { print a / p }')" "$p50" "$p99" "${costs% *}" "${costs#* }" \
    "$health" "$(awk -v a="$health" -v p="$pg_tps" 'BEGIN { print a / p }')" \
    "$sql_tps" "$(awk -v a="$sql_tps" -v p="$pg_tps" 'BEGIN { print a / p }')"
  if [[ "$non201" != "0" ]]; then echo "  $non201 requests did not answer 201 (see $WORK/wrk-$c.txt)"; fi
done

after=$(psql -d "$DB" -tAc "select count(*) from case_file")
events=$(psql -d "$DB" -tAc "select count(*) from case_event e join case_file c on c.id = e.case_id where e.kind = 'RECEIVED' and c.received_at > now() - interval '1 hour'")
distinct=$(psql -d "$DB" -tAc "select count(distinct reference) = count(*) from case_file")
linked=$(psql -d "$DB" -tAc "select count(*) from event_publication")
echo "cases created in the run: $((after - before)) (their RECEIVED events: $events, references all distinct: $distinct, events kept in the publication registry: $linked)"
