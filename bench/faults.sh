#!/usr/bin/env bash
# The fault suite's long form (faults.FaultsTest: 20 SIGKILLs of the application and 6
# PostgreSQL restarts under intake load, then two instances behind nginx with one killed),
# and its figures: kills survived, acknowledged writes lost, recovery after each PostgreSQL
# restart. See docs/BENCHMARKS.md, "Faults under intake load".
#
# Needs a JDK and, for the two-instance part, Debian's nginx. It starts a PostgreSQL cluster
# of its own (the embedded server's binaries) and touches no other server.
# FAULTS_KILLS and FAULTS_PG_RESTARTS change the counts (defaults 20 and 6).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q test -Pfaults-long -Dtest=FaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Doneweek.faults.kills="${FAULTS_KILLS:-20}" -Doneweek.faults.pg-restarts="${FAULTS_PG_RESTARTS:-6}" \
  || { echo "the fault suite failed: see target/surefire-reports and target/faults" >&2; exit 1; }
grep '^FAULTS' target/surefire-reports/org.oneweek.faults.FaultsTest-output.txt | sed 's/^FAULTS //'
