#!/usr/bin/env bash
# The reconciliation's figures for docs/BENCHMARKS.md: sentence-embedding throughput of the
# bge-small-zh model on this machine, and one week of 200 villagers' problems, 100
# officials' items and 100 findings reconciled through the service (lists read, embeddings
# loaded or computed, matching), with no embedding stored and with all stored.
# Needs a JDK and PostgreSQL (ONEWEEK_TEST_JDBC_URL, else an embedded one); it runs
# ReconciliationBench, which is not part of the build.
#
#   bench/reconciliation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/reconciliation-bench.txt
nice -n 10 ./mvnw -q test-compile surefire:test@default-test -Dtest=ReconciliationBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring-javaformat.skip=true >/dev/null 2>&1 || true
if [ ! -f target/reconciliation-bench.txt ]; then
  echo "the benchmark did not run: see target/surefire-reports/" >&2
  exit 1
fi
cat target/reconciliation-bench.txt
