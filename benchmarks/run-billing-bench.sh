#!/usr/bin/env bash
# The billing benchmark (issue 10): N contracts (default 100,000) with 12 monthly readings each on embedded Derby
# on disk, billed for a year by the real engine, beside the raw-JDBC floor (scan of the readings, batched inserts).
#
#   benchmarks/run-billing-bench.sh [contracts]     (builds with mvn package -am first, no install)
#
# Runs with -Xmx512m to show memory stays flat; the database is made in a temporary folder and removed afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-100000}
CP_FILE=$ROOT/benchmarks/target/billing-bench.classpath
# the last module built (benchmarks) writes the class path, with the reactor's modules as built here
(cd "$ROOT" && mvn -B -o -q package dependency:build-classpath -pl benchmarks -am -DskipTests \
  -Ddealerhub.pg.skip=true -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
DB=$(mktemp -d)/billing-bench-db
trap 'rm -rf "$(dirname "$DB")"' EXIT
java -Xmx512m -cp "$ROOT/benchmarks/target/classes:$(cat "$CP_FILE")" org.dealerhub.bench.BillingBenchmark "$DB" "$N"
