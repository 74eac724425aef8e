#!/usr/bin/env bash
# The billing benchmark (issue 10): N contracts (default 100,000) with 12 monthly readings each, billed for a year by
# the real engine, beside the raw-JDBC floor measured in the same process (scan of the readings, batched inserts):
# run time, contracts/s, peak heap, the floor and the ratio, and the load average (the machine may be shared).
#
#   benchmarks/run-billing-bench.sh [contracts] [--postgresql]
#
# Embedded Derby on disk by default (a temporary folder, removed afterwards). --postgresql runs the same on the
# private PostgreSQL of scripts/postgres-test.sh (port DEALERHUB_PG_PORT, default 55432; started when it does not
# run, and stopped again afterwards), in a schema of its own that is dropped at the end.
# Builds with mvn package -am first (no install); runs with -Xmx512m to show memory stays flat.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=100000
PG=
for a in "$@"; do
  case $a in
    --postgresql) PG=yes ;;
    ''|*[!0-9]*) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) N=$a ;;
  esac
done
CP_FILE=$ROOT/benchmarks/target/billing-bench.classpath
# the last module built (benchmarks) writes the class path, with the reactor's modules as built here
(cd "$ROOT" && mvn -B -o -q package dependency:build-classpath -pl benchmarks -am -DskipTests \
  -Ddealerhub.pg.skip=true -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
DB=$(mktemp -d)/billing-bench-db
cleanup() { rm -rf "$(dirname "$DB")"; }
EXTRA=()
if [ -n "$PG" ]; then
  if ! "$ROOT/scripts/postgres-test.sh" status >/dev/null 2>&1; then
    "$ROOT/scripts/postgres-test.sh" start
    cleanup() { rm -rf "$(dirname "$DB")"; "$ROOT/scripts/postgres-test.sh" stop; }
  fi
  EXTRA=("$("$ROOT/scripts/postgres-test.sh" url)")
fi
trap cleanup EXIT
java -Xmx512m -cp "$ROOT/benchmarks/target/classes:$(cat "$CP_FILE")" org.dealerhub.bench.BillingBenchmark "$DB" "$N" \
  "${EXTRA[@]}"
