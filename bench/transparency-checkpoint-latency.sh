#!/usr/bin/env bash
# Time from a case event to the first signed checkpoint that includes it, as a client sees
# it: record a case through the JSON API, look up the leaf index of its RECEIVED event,
# and poll /transparency/checkpoint until the checkpoint's tree size is greater than that
# index. The cases are recorded one at a time, each after a pause drawn uniformly from
# [0, INTERVAL) seconds (INTERVAL: the checkpoint interval, 10 s by default) after the
# last wait ended, which ends just after a checkpoint: so the events fall uniformly across
# the interval. Afterwards, the same figure from the database for these cases' leaves
# (signed_at of the first checkpoint covering the leaf minus the event's time).
#
# Needs: PostgreSQL (default 127.0.0.1:5432, user postgres) where $BENCH_DB may be dropped
# and created, curl, python3, a JDK; the jar built (./mvnw -q -DskipTests package).
#
#   BENCH_DB=bench_tlog_latency BENCH_PORT=8089 SAMPLES=30 bench/transparency-checkpoint-latency.sh
#   BENCH_APP_ARGS=--oneweek.transparency.checkpoint-interval=PT2S ...   # another interval
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_tlog_latency}
PORT=${BENCH_PORT:-8089}
SAMPLES=${SAMPLES:-30}
INTERVAL=${INTERVAL:-10}
JAR=target/oneweek-0.1.0-SNAPSHOT.jar
WORK=target/bench
mkdir -p "$WORK"

if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$JAR" ]]; then
  ./mvnw -q -DskipTests package
fi

dropdb --if-exists "$DB"
createdb "$DB"

java -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --oneweek.casework.jobs.enabled=false --oneweek.diary.jobs.enabled=false --logging.level.root=WARN \
  ${BENCH_APP_ARGS:-} > "$WORK/app-latency.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

TOKEN="ow_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
psql -q -d "$DB" -c "insert into api_token (account_id, name, token_hash, created_at, created_by)
  select id, 'benchmark', encode(sha256(convert_to('$TOKEN', 'UTF8')), 'hex'), now(), 'bench'
  from user_account where username = 'secretary'"
VILLAGE=$(psql -d "$DB" -tAc "select id from village where code = 'DJ'")

BENCH_TOKEN="$TOKEN" BENCH_VILLAGE="$VILLAGE" BENCH_URL="http://127.0.0.1:$PORT" BENCH_DB="$DB" \
  SAMPLES="$SAMPLES" INTERVAL="$INTERVAL" python3 - <<'PY'
import json, os, random, statistics, subprocess, time, urllib.request

url, token, village, db = os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"], os.environ["BENCH_VILLAGE"], os.environ["BENCH_DB"]

def checkpoint_size():
    with urllib.request.urlopen(url + "/transparency/checkpoint") as r:
        return int(r.read().decode().split("\n")[1])

def record(n):
    body = json.dumps({"villageId": int(village), "source": "MORNING_MEETING", "type": "HELP",
                       "category": "SANITATION", "urgency": "NORMAL", "title": f"检查点延迟 {n}"}).encode()
    req = urllib.request.Request(url + "/api/v1/cases", data=body, method="POST", headers={
        "Content-Type": "application/json", "Accept": "application/json",
        "Authorization": "Bearer " + token, "Idempotency-Key": f"latency-{time.time_ns()}-{n}"})
    with urllib.request.urlopen(req) as r:
        assert r.status == 201, r.status
        return json.loads(r.read())["reference"]

def leaf(reference):
    out = subprocess.check_output(["psql", "-d", db, "-tAc",
        "select l.idx from tlog_leaf l join case_file c on c.id = l.case_id "
        f"where c.reference = '{reference}' and l.seq = 1"]).decode().strip()
    return int(out)

samples = []
for n in range(int(os.environ["SAMPLES"])):
    time.sleep(random.uniform(0, float(os.environ["INTERVAL"])))
    t0 = time.monotonic()
    reference = record(n)
    answered = time.monotonic()
    idx = leaf(reference)
    while checkpoint_size() <= idx:
        time.sleep(0.05)
    samples.append(time.monotonic() - t0)
    print(f"{reference} leaf {idx}: intake answered in {1000 * (answered - t0):.0f} ms, "
          f"in a checkpoint after {samples[-1]:.2f} s", flush=True)

s = sorted(samples)
q = lambda p: s[min(len(s) - 1, int(p * len(s)))]
print(f"client view, {len(s)} events: min {s[0]:.2f} s, p50 {statistics.median(s):.2f} s, "
      f"p90 {q(0.9):.2f} s, max {s[-1]:.2f} s (polling every 50 ms)")
PY

# the leaves of these cases, from the database: the first checkpoint with size > idx, signed_at - event.at
psql -d "$DB" -tA -F ' ' -c "
  with d as (
    select extract(epoch from (select min(k.signed_at) from tlog_checkpoint k where k.size > l.idx) - e.at) s
    from tlog_leaf l join case_event e on e.case_id = l.case_id and e.seq = l.seq
    join case_file c on c.id = l.case_id where c.title like '检查点延迟%')
  select 'database view, ' || count(s) || ' of these leaves: min ' || round(min(s)::numeric, 2) || ' s, p50 '
    || round(percentile_cont(0.5) within group (order by s)::numeric, 2) || ' s, p90 '
    || round(percentile_cont(0.9) within group (order by s)::numeric, 2) || ' s, max '
    || round(max(s)::numeric, 2) || ' s; checkpoints signed: ' || (select count(*) from tlog_checkpoint)
  from d"
echo "load: $(uptime)"
