#!/usr/bin/env bash
# Dealerhub SLA benchmark (issue 9), two figures:
#   1. service orders created per second over REST with p50/p99, on a fresh copy of the built distribution
#      started with free ports (like run-platform-bench.sh), --clients connections after a warm-up;
#   2. the time to compute the 6-month SLA report for --devices devices with --orders orders each, through the real
#      core service and persistence unit on embedded Derby on disk (data seeded by JDBC), beside the raw-JDBC floor
#      of the same SQL (SlaReportBenchmark). Aim: under 2 s.
# Expects the distribution built (karaf-assembly/target/dealerhub-karaf-assembly-0.1.0-SNAPSHOT.zip); compiles the
# benchmark classes itself (mvn -o compile, no install). Work files under benchmarks/target/sla-bench/.
#
# Usage: benchmarks/run-sla-bench.sh [--http-port 18281] [--ssh-port 18201] [--rmi-registry-port 11199]
#        [--rmi-server-port 14544] [--clients 4] [--warmup 10] [--seconds 20] [--devices 10000] [--orders 20]
#        [--runs 5] [--skip-rest] [--zip PATH]
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
HTTP_PORT=18281; SSH_PORT=18201; RMI_REGISTRY_PORT=11199; RMI_SERVER_PORT=14544
CLIENTS=4; WARMUP=10; SECONDS_RUN=20; DEVICES=10000; ORDERS=20; RUNS=5; SKIP_REST=false
ZIP="$ROOT/karaf-assembly/target/dealerhub-karaf-assembly-0.1.0-SNAPSHOT.zip"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "ERROR: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) HTTP_PORT=$2; shift 2 ;;
    --ssh-port) SSH_PORT=$2; shift 2 ;;
    --rmi-registry-port) RMI_REGISTRY_PORT=$2; shift 2 ;;
    --rmi-server-port) RMI_SERVER_PORT=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --devices) DEVICES=$2; shift 2 ;;
    --orders) ORDERS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --skip-rest) SKIP_REST=true; shift ;;
    --zip) ZIP=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument $1" ;;
  esac
done
for n in "$HTTP_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT" "$CLIENTS" "$WARMUP" "$SECONDS_RUN" \
    "$DEVICES" "$ORDERS" "$RUNS"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "not a number: $n"
done

WORK="$ROOT/benchmarks/target/sla-bench"
rm -rf "$WORK" && mkdir -p "$WORK" || die "cannot create $WORK"
echo "compiling the benchmark classes (mvn -o compile) ..."
(cd "$ROOT" && mvn -B -q -o -pl benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath") || die "the build failed"
CP="$ROOT/benchmarks/target/classes:$(cat "$WORK/classpath")"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

KH=""; LAUNCHER=""
stop_karaf() {
  [ -n "$KH" ] || return 0
  (cd "$KH" && timeout 60 bin/stop) >>"$WORK/stop.log" 2>&1 || true
  for _ in $(seq 1 300); do pgrep -f -- "-Dkaraf.base=$KH" >/dev/null || break; sleep 0.1; done
  # only the processes of our own copy, should bin/stop not have ended them
  for p in $(pgrep -f -- "-Dkaraf.base=$KH" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
  [ -n "$LAUNCHER" ] && kill -TERM "$LAUNCHER" 2>/dev/null
  KH=""
}
trap stop_karaf EXIT

if ! $SKIP_REST; then
  [ -f "$ZIP" ] || die "distribution not found: $ZIP (build it first: mvn -B -o package -DskipTests)"
  mkdir -p "$WORK/unpacked" && (cd "$WORK/unpacked" && jar xf "$ZIP") || die "could not unpack $ZIP"
  KH=$(find "$WORK/unpacked" -mindepth 1 -maxdepth 1 -type d | head -1)
  chmod +x "$KH"/bin/*
  cp "$KH/demo/users.properties" "$KH/demo/org.dealerhub.demo.cfg" "$KH/etc/" || die "no demo/ in the distribution"
  put() { grep -v "^$2[ =]" "$1" 2>/dev/null >"$1.tmp"; echo "$2 = $3" >>"$1.tmp"; mv "$1.tmp" "$1"; }
  put "$KH/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
  put "$KH/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
  put "$KH/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT"
  put "$KH/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT"
  echo "-- 1. orders over REST: starting the distribution on port $HTTP_PORT ..."
  (cd "$KH" && exec setsid bin/karaf server </dev/null >"$WORK/karaf-console.log" 2>&1) &
  LAUNCHER=$!
  for _ in $(seq 1 1800); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin-demo "http://localhost:$HTTP_PORT/api/v1/health")" \
      = 200 ] && break
    sleep 0.1
  done
  curl -sf -o /dev/null "http://localhost:$HTTP_PORT/api/v1/health" || die "not ready after 180 s"
  java -cp "$CP" org.dealerhub.bench.OrderBenchmark --base "http://localhost:$HTTP_PORT" --clients "$CLIENTS" \
    --warmup "$WARMUP" --seconds "$SECONDS_RUN" | tee "$WORK/orders.txt"
  stop_karaf
fi

echo "-- 2. the 6-month SLA report: $DEVICES devices x $ORDERS orders on embedded Derby (seeding by JDBC) ..."
java -Xmx2g -cp "$CP" org.dealerhub.bench.SlaReportBenchmark --devices "$DEVICES" --orders "$ORDERS" \
  --runs "$RUNS" --db "$WORK/sla-db" | tee "$WORK/report.txt"
grep -q "sla.report_ms" "$WORK/report.txt" || die "the report benchmark failed"
awk '/sla.report_ms/ { printf "goal: report under 2000 ms: %s (%s ms)\n", ($3 < 2000 ? "met" : "NOT met"), $3 }' \
  "$WORK/report.txt"
