#!/usr/bin/env bash
# Intakes per second with the transparency log on, as a ratio to the log off: runs
# bench/casework-intake.sh alternately with the log on and off (on, off, on, off, ...) in
# one session, so the machine's load moves both alike, and prints each pair's ratio and
# their median. The log is switched off with --oneweek.transparency.enabled=false (no
# leaf is appended in the intake's transaction; everything else is the same).
#
# Everything casework-intake.sh reads (BENCH_DB, BENCH_PORT, BENCH_DURATION,
# BENCH_CONNECTIONS, BENCH_WARMUP, ...) is passed on. PAIRS (default 2) pairs are run.
#
#   BENCH_CONNECTIONS=4 BENCH_DURATION=20 BENCH_WARMUP=30 bench/transparency-intake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-2}
WORK=target/bench
mkdir -p "$WORK"
OUT="$WORK/transparency-intake.txt"
: > "$OUT"

# BENCH_JAR: a jar built earlier (e.g. a copy of main's, to compare with this branch's)
export BENCH_JAR=${BENCH_JAR:-target/oneweek-0.1.0-SNAPSHOT.jar}
if [[ "${BENCH_SKIP_BUILD:-}" != "true" || ! -f "$BENCH_JAR" ]]; then
  ./mvnw -q -DskipTests package
fi

for pair in $(seq 1 "$PAIRS"); do
  for mode in on off; do
    if [[ "$mode" == "on" ]]; then args="${BENCH_APP_ARGS:-}"; else args="${BENCH_APP_ARGS:-} --oneweek.transparency.enabled=false"; fi
    log="$WORK/transparency-intake-$pair-$mode.txt"
    echo "== pair $pair, log $mode, start $(date -u +%H:%M:%S), load $(uptime | sed 's/.*load average: //')" | tee -a "$OUT"
    BENCH_SKIP_BUILD=true BENCH_APP_ARGS="$args" bench/casework-intake.sh > "$log" 2>&1 || { cat "$log"; exit 1; }
    cat "$log" | tee -a "$OUT"
    echo "   end $(date -u +%H:%M:%S), load $(uptime | sed 's/.*load average: //')" | tee -a "$OUT"
  done
done

# the intake_rps column (3rd) of each connection count's row, per run
python3 - "$OUT" <<'PY'
import re, statistics, sys
runs, mode = [], None
for line in open(sys.argv[1]):
    m = re.match(r"== pair (\d+), log (on|off)", line)
    if m:
        runs.append((int(m[1]), m[2], {}))
        continue
    f = line.split()
    if runs and len(f) >= 12 and f[0].isdigit():
        runs[-1][2][int(f[0])] = float(f[2])
conns = sorted({c for _, _, r in runs for c in r})
for c in conns:
    ratios = []
    for p in sorted({p for p, _, _ in runs}):
        on = [r[c] for q, m, r in runs if q == p and m == "on" and c in r]
        off = [r[c] for q, m, r in runs if q == p and m == "off" and c in r]
        if on and off:
            ratios.append(on[0] / off[0])
            print(f"{c} conns, pair {p}: on {on[0]:.1f}/s, off {off[0]:.1f}/s, ratio {ratios[-1]:.3f}")
    if ratios:
        print(f"{c} conns: median ratio {statistics.median(ratios):.3f} over {len(ratios)} pairs")
PY
