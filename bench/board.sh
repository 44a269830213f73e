#!/usr/bin/env bash
# Requests per second for a village's bulletin board (the village with the most open cases)
# against nginx serving the same rendered HTML bytes as a static file: same machine, same
# run, same wrk settings. Needs: a JDK, PostgreSQL on 127.0.0.1:5432 (user postgres), nginx
# and wrk (Debian: apt-get install -y nginx-light wrk).
#
#   bench/board.sh            # builds the jar if needed, runs everything, prints the figures
#
# Settings: CASES (cases to create, default 120), THREADS, CONNECTIONS, DURATION (wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-bench_bulletin}
APP_PORT=${APP_PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
CASES=${CASES:-120}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WORK=$(mktemp -d /tmp/bench-board.XXXXXX)
chmod 755 "$WORK"  # nginx workers read the page as their own user
APP_PID=""
NGINX_STARTED=""

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_STARTED" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
}
trap cleanup EXIT

JAR=$(ls target/oneweek-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -DskipTests package
  JAR=$(ls target/oneweek-*.jar | grep -v plain | head -1)
fi

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"

echo "starting the application on port $APP_PORT (demo district, database $DB)"
java -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.port="$APP_PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null

echo "creating $CASES cases through Open311 (most of them in 东江村, DJ)"
VILLAGES=(DJ DJ DJ DJ HW LS SQ)
CATEGORIES=(SANITATION ROADS BRIDGES WATER PARKING PUBLIC_ORDER NEIGHBOURS SOCIAL_SECURITY AGRICULTURE OTHER)
for i in $(seq 1 "$CASES"); do
  village=${VILLAGES[$((i % ${#VILLAGES[@]}))]}
  category=${CATEGORIES[$((i % ${#CATEGORIES[@]}))]}
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$APP_PORT/open311/v2/requests.json" \
    --data-urlencode "api_key=oneweek-demo-open311" --data-urlencode "service_code=$category" \
    --data-urlencode "attribute[village]=$village" \
    --data-urlencode "description=第 $i 件：村民反映的问题，需要工作组上门查看并处理。"
done

CODE=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "
  select v.code from case_file c join village v on v.id = c.village_id
  where c.state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REOPENED')
  group by v.code order by count(*) desc, v.code limit 1")
OPEN=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "
  select count(*) from case_file c join village v on v.id = c.village_id where v.code = '$CODE'
  and c.state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REOPENED')")
URL_PATH="/board/$CODE"
echo "village with the most open cases: $CODE ($OPEN open)"

mkdir -p "$WORK/html/board" "$WORK/logs"
curl -fs "http://127.0.0.1:$APP_PORT$URL_PATH" -o "$WORK/html/board/$CODE"
chmod -R a+rX "$WORK/html"
BYTES=$(wc -c < "$WORK/html/board/$CODE")
echo "board: $BYTES bytes"

cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  types { }
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/html;
    location / { default_type "text/html;charset=UTF-8"; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
NGINX_STARTED=1
curl -fs "http://127.0.0.1:$NGINX_PORT$URL_PATH" | cmp - "$WORK/html/board/$CODE"

echo "warming up the application"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "http://127.0.0.1:$APP_PORT$URL_PATH" > /dev/null

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | tee "$WORK/$2.txt" >&2
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$2.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$2.txt")
  echo "$rps $p99"
}
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
read -r NGINX_RPS NGINX_P99 < <(run "http://127.0.0.1:$NGINX_PORT$URL_PATH" nginx)
read -r APP_RPS APP_P99 < <(run "http://127.0.0.1:$APP_PORT$URL_PATH" app)
RATIO=$(awk -v a="$APP_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f", a / n }')

echo
echo "| what | requests/s | p99 |"
echo "|---|---|---|"
echo "| nginx, static copy of $URL_PATH ($BYTES bytes) | $NGINX_RPS | $NGINX_P99 |"
echo "| oneweek $URL_PATH ($OPEN open cases) | $APP_RPS | $APP_P99 |"
echo "| ratio oneweek / nginx | $RATIO | |"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
