#!/usr/bin/env bash
# Precision, recall and F1 of the reconciliation's proposals at the default threshold, next
# to the baseline (character-bigram Dice + 0.2 for equal categories, pairs at >= 0.25),
# on any file of the format of src/test/resources/reconciliation/dev.json. Needs only a JDK
# (the sentence model is inside its jar). Runs ReconciliationEvaluationTest on the file.
#
#   bench/reconciliation-eval.sh FILE
#
# The last line printed: precision=P recall=R f1=F baseline_f1=B
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 FILE (a JSON file of weeks: villagers, officials, inspections, matches)" >&2
  exit 2
fi
FILE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
rm -f target/reconciliation-eval.txt
# OFFLINE=-o to run without reaching the Maven repository (when everything is already there)
OFFLINE=${OFFLINE:-}
nice -n 10 ./mvnw -q $OFFLINE test-compile surefire:test@default-test -Dtest=ReconciliationEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring-javaformat.skip=true -Dreconciliation.eval.file="$FILE" >/dev/null 2>&1 || true
if [ ! -f target/reconciliation-eval.txt ]; then
  echo "the evaluation did not run: see target/surefire-reports/" >&2
  exit 1
fi
cat target/reconciliation-eval.txt
