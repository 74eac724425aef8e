#!/usr/bin/env bash
# JMH micro-benchmark of the response-deadline computation (org.dealerhub.bench.DeadlineBenchmark): the Norway
# market calendar (Europe/Oslo 08:00-16:00, Jollyday holidays) and the Canon / Konica Minolta Norway rules,
# throughput in ops/s on one thread (1 fork, 3 x 2 s warmup, 5 x 2 s measurement per benchmark, about 70 s in all).
#
# Builds benchmarks/target/dealerhub-jmh.jar if it is missing (or always with --build). Other arguments go to JMH,
# e.g. a benchmark regex (`closeOfNext`), `-f 2`, `-wi 5 -i 10`, `-prof gc`, `-rf json -rff result.json`, `-h`.
#
# Usage: benchmarks/run-deadline-jmh.sh [--build] [JMH options]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="$ROOT/benchmarks/target/dealerhub-jmh.jar"

BUILD=false
if [[ "${1:-}" == "--build" ]]; then
  BUILD=true
  shift
fi
if $BUILD || [[ ! -f "$JAR" ]]; then
  echo "== building $JAR"
  (cd "$ROOT" && mvn -q -B install -pl benchmarks)
fi

echo "== $(java -version 2>&1 | head -1), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# JMH prints every iteration and, at the end, the result table (Score = ops/s, Error = 99.9% half-width)
java -jar "$JAR" "$@"
echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)  (goal: 1,000,000 ops/s or more per deadline, one thread)"
