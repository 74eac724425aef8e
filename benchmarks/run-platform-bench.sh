#!/usr/bin/env bash
# Dealerhub platform benchmark: measures, on a fresh copy of the built distribution,
#   1. first boot (empty data/) and warm restarts (bin/stop, bin/karaf again; median of --restarts), each from
#      launching bin/karaf to GET /api/v1/health 200, with the boot time the platform logs itself and the JVM's
#      CPU time until then,
#   2. idle RSS of the Karaf JVM some seconds after the first boot,
#   3. hot-deploy / undeploy latency of the example vendor bundle (deploy/ folder),
#   4. meter-reading ingest on the restarted (cold) JVM after a warm-up: single readings with concurrent clients
#      and 1,000-reading batches, each beside its floor measured in the same run just before: raw JDBC into a fresh
#      Derby database on the same disk (JdbcFloor: durable single-row commits with as many threads as clients, and
#      batched rows), with the ratios,
#   0. the boot floor, first: a second copy of the distribution booting only the stack beneath Dealerhub (Karaf's
#      boot features, Pax Web, CXF JAX-RS and JAX-WS, Aries JPA with EclipseLink, pax-jdbc with Derby and the
#      datasource; no Dealerhub bundle), laid out as the distribution is (when the distribution starts its platform
#      from etc/startup.properties, so does the floor: that file without the bundles only Dealerhub's features name,
#      and no boot features), with the same JVM options (bin/setenv), from launch to CXF's service list answering
#      with the Derby datasource started, cold and after one restart (--no-bare skips it),
# then stops Karaf, removes the copy and prints a summary table with the goals (issue 8) met or not.
#
# Expects the distribution built (karaf-assembly/target/dealerhub-karaf-assembly-0.1.0-SNAPSHOT.zip) and the
# example vendor jar (bundles/vendor-example/target/...); --build builds both first (mvn package, no install).
# Builds benchmarks/target/dealerhub-benchmarks.jar if missing or older than its sources.
# All ports are set in the unpacked copy, so it can run beside another Karaf that uses the default ports.
#
# Usage: benchmarks/run-platform-bench.sh [--build] [--http-port 8181] [--ssh-port 18101] [--rmi-registry-port 11099]
#        [--rmi-server-port 14444] [--clients 4] [--warmup 20] [--seconds 20] [--max-requests 200000] [--batches 20]
#        [--batch-size 1000] [--restarts 3] [--deploy-repeats 5] [--idle-wait 15] [--boot-timeout 300] [--zip PATH]
#        [--vendor-jar PATH] [--keep] [--no-bare]
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

HTTP_PORT=8181
SSH_PORT=18101
RMI_REGISTRY_PORT=11099
RMI_SERVER_PORT=14444
CLIENTS=4
WARMUP=20
SECONDS_SINGLE=20
MAX_REQUESTS=200000
BATCHES=20
BATCH_SIZE=1000
DEPLOY_REPEATS=5
RESTARTS=3
IDLE_WAIT=15
BOOT_TIMEOUT=300
ZIP="$ROOT/karaf-assembly/target/dealerhub-karaf-assembly-0.1.0-SNAPSHOT.zip"
VENDOR_JAR="$ROOT/bundles/vendor-example/target/dealerhub-vendor-example-0.1.0-SNAPSHOT.jar"
KEEP=false
BUILD=false
BARE=true
USER_PASS="admin:admin-demo"

usage() { sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "ERROR: $*" >&2; exit 1; }
need_int() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a number (got '$2')"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) need_int "$1" "${2:-}"; HTTP_PORT=$2; shift 2 ;;
    --ssh-port) need_int "$1" "${2:-}"; SSH_PORT=$2; shift 2 ;;
    --rmi-registry-port) need_int "$1" "${2:-}"; RMI_REGISTRY_PORT=$2; shift 2 ;;
    --rmi-server-port) need_int "$1" "${2:-}"; RMI_SERVER_PORT=$2; shift 2 ;;
    --clients) need_int "$1" "${2:-}"; CLIENTS=$2; shift 2 ;;
    --warmup) need_int "$1" "${2:-}"; WARMUP=$2; shift 2 ;;
    --seconds) need_int "$1" "${2:-}"; SECONDS_SINGLE=$2; shift 2 ;;
    --max-requests) need_int "$1" "${2:-}"; MAX_REQUESTS=$2; shift 2 ;;
    --batches) need_int "$1" "${2:-}"; BATCHES=$2; shift 2 ;;
    --batch-size) need_int "$1" "${2:-}"; BATCH_SIZE=$2; shift 2 ;;
    --deploy-repeats) need_int "$1" "${2:-}"; DEPLOY_REPEATS=$2; shift 2 ;;
    --restarts) need_int "$1" "${2:-}"; RESTARTS=$2; shift 2 ;;
    --idle-wait) need_int "$1" "${2:-}"; IDLE_WAIT=$2; shift 2 ;;
    --boot-timeout) need_int "$1" "${2:-}"; BOOT_TIMEOUT=$2; shift 2 ;;
    --zip) ZIP=${2:-}; shift 2 ;;
    --vendor-jar) VENDOR_JAR=${2:-}; shift 2 ;;
    --keep) KEEP=true; shift ;;
    --no-bare) BARE=false; shift ;;
    --build) BUILD=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument $1" ;;
  esac
done

for p in "$HTTP_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT"; do
  [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "port $p out of range"
done
[ "$(printf '%s\n' "$HTTP_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT" | sort -u | wc -l)" -eq 4 ] \
  || die "the four ports must differ"
[ "$DEPLOY_REPEATS" -ge 1 ] && [ "$DEPLOY_REPEATS" -le 50 ] || die "--deploy-repeats must be 1..50"
[ "$RESTARTS" -ge 1 ] && [ "$RESTARTS" -le 20 ] || die "--restarts must be 1..20"
[ "$IDLE_WAIT" -le 600 ] || die "--idle-wait must be at most 600"
[ "$BOOT_TIMEOUT" -ge 10 ] && [ "$BOOT_TIMEOUT" -le 1800 ] || die "--boot-timeout must be 10..1800"

for tool in java jar curl awk; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required"; done
if $BUILD; then
  echo "building the distribution and the benchmark tools (mvn package, tests skipped) ..."
  mvn -q -B -o -f "$ROOT/pom.xml" package -DskipTests || die "the build failed"
fi
[ -f "$ZIP" ] || die "distribution not found: $ZIP (build it first)"
[ -f "$VENDOR_JAR" ] || die "example vendor jar not found: $VENDOR_JAR (build bundles/vendor-example first)"

# ------------------------------------------------------------------------------------------------ helpers

now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then local t=${EPOCHREALTIME/./}; echo $((t / 1000)); else date +%s%3N; fi
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnH "( sport = :$1 )" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# set_prop FILE KEY VALUE: replace every uncommented "KEY = ..." line, or append one (creates the file if needed)
set_prop() {
  local f=$1 k=$2 v=$3 tmp
  tmp=$(mktemp "$f.XXXX")
  if [ -f "$f" ]; then
    awk -v k="$k" -v v="$v" '
      { s = $0; sub(/^[ \t]+/, "", s)
        if (index(s, k) == 1 && substr(s, length(k) + 1) ~ /^[ \t]*[=:]/) { print k " = " v; found = 1; next }
        print }
      END { if (!found) print k " = " v }' "$f" >"$tmp"
  else
    printf '%s = %s\n' "$k" "$v" >"$tmp"
  fi
  mv "$tmp" "$f"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
  if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# CPU time (user + system) a process has used so far, in ms: less sensitive to a busy machine than wall time
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null
}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# the JVM of our copy: karaf.pid when Karaf wrote it, else pgrep restricted to our directory
karaf_jvm_pid() {
  local pid=""
  if [ -n "${KH:-}" ] && [ -s "$KH/karaf.pid" ]; then
    pid=$(tr -dc '0-9' <"$KH/karaf.pid")
  fi
  if [ -z "$pid" ] || ! owned_by_us "$pid"; then
    pid=$(pgrep -f -- "-Dkaraf.base=$KH( |$)" 2>/dev/null | head -1)
  fi
  [ -n "$pid" ] && owned_by_us "$pid" && echo "$pid"
}

# true when PID is alive and its command line names our unpacked directory
owned_by_us() {
  [ -n "${KH:-}" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$KH"
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-2}" "$1" 2>/dev/null || true; }

# sets LAST_CODE to the status of GET PATH on the HTTP port (000 when nothing answers), asked by bash itself over
# /dev/tcp: polling a booting Karaf with a curl process 20 times a second took 10-15 % of the 2 cores (process start,
# TLS library set-up) from the JVM whose boot it timed, the bare stack's as much as Dealerhub's
probe_status() {
  local line=""
  LAST_CODE=000
  { exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 2>/dev/null
  IFS= read -r -t 5 line <&3 2>/dev/null
  exec 3<&- 3>&-
  [[ "$line" =~ ^HTTP/1\.[01]\ ([0-9]{3}) ]] && LAST_CODE=${BASH_REMATCH[1]}
  return 0
}

# prints "<code> <1 if the vendor list names example-printers, else 0>"
vendors_probe() {
  local out code
  out=$(curl -s -u "$USER_PASS" --max-time 5 -w '\n%{http_code}' "$BASE/api/v1/vendors" 2>/dev/null || true)
  code=${out##*$'\n'}
  if [[ "$out" == *'"example-printers"'* ]]; then echo "$code 1"; else echo "$code 0"; fi
}

# ------------------------------------------------------------------------------------------------ cleanup

WORK=""
KH=""
LAUNCHER_PID=""
JVM_PID=""
STOP_NOTE="not started"

stop_karaf() {
  [ -n "$KH" ] || return 0
  local pid t
  pid=$(karaf_jvm_pid || true)
  [ -n "$pid" ] || pid=$JVM_PID
  if [ -n "$pid" ] && owned_by_us "$pid"; then
    t=$(now_ms)
    (cd "$KH" && KARAF_HOME="$KH" timeout 60 bin/stop) >>"$WORK/stop.log" 2>&1 || true
    for _ in $(seq 1 300); do owned_by_us "$pid" || break; sleep 0.1; done
    if owned_by_us "$pid"; then
      echo "bin/stop did not end the JVM in 30 s: sending TERM to $pid" >&2
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do owned_by_us "$pid" || break; sleep 0.1; done
    fi
    if owned_by_us "$pid"; then
      echo "JVM $pid still alive: sending KILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    STOP_NOTE="stopped in $(( $(now_ms) - t )) ms"
  fi
  # the launcher script (bin/karaf server) and anything else in its session, all started by this script
  if [ -n "$LAUNCHER_PID" ] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM -- "-$LAUNCHER_PID" 2>/dev/null || kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    sleep 0.5
    kill -KILL -- "-$LAUNCHER_PID" 2>/dev/null || true
  fi
  # last resort: any process still running from our copy
  local left
  left=$(pgrep -f -- "$KH" 2>/dev/null || true)
  for p in $left; do owned_by_us "$p" && kill -KILL "$p" 2>/dev/null; done
  if pgrep -f -- "$KH" >/dev/null 2>&1; then
    STOP_NOTE="$STOP_NOTE; WARNING: a process of $KH is still running"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_karaf
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if $KEEP; then echo "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit $rc
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ preflight

for spec in "HTTP:$HTTP_PORT" "SSH:$SSH_PORT" "RMI registry:$RMI_REGISTRY_PORT" "RMI server:$RMI_SERVER_PORT"; do
  if port_in_use "${spec##*:}"; then
    die "port ${spec##*:} (${spec%:*}) is in use: stop what listens there or choose another port (see --help)"
  fi
done

BENCH_JAR="$SCRIPT_DIR/target/dealerhub-benchmarks.jar"
if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$SCRIPT_DIR/src" "$SCRIPT_DIR/pom.xml" -newer "$BENCH_JAR" -type f 2>/dev/null)" ]; then
  echo "building $BENCH_JAR ..."
  mvn -q -B -o -f "$ROOT/pom.xml" -pl benchmarks -am package -DskipTests || die "could not build the benchmark tool"
fi

WORK=$(mktemp -d /tmp/dealerhub-bench.XXXXXX)
BASE="http://localhost:$HTTP_PORT"
echo "== Dealerhub platform benchmark  $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "   host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   java: $(java -version 2>&1 | head -1)"
echo "   distribution: $ZIP ($(stat -c %y "$ZIP" | cut -d. -f1))"
echo "   ports: http $HTTP_PORT, ssh $SSH_PORT, rmi registry $RMI_REGISTRY_PORT, rmi server $RMI_SERVER_PORT"
echo "   work dir: $WORK"

# private copies, so a rebuild in the tree during the run cannot change what is measured
cp "$ZIP" "$WORK/dist.zip" || die "cannot copy $ZIP"
cp "$VENDOR_JAR" "$WORK/vendor-example.jar" || die "cannot copy $VENDOR_JAR"

t=$(now_ms)
mkdir -p "$WORK/unpacked"
(cd "$WORK/unpacked" && jar xf "$WORK/dist.zip") || die "could not unpack the distribution"
UNPACK_MS=$(( $(now_ms) - t ))
KH=$(find "$WORK/unpacked" -mindepth 1 -maxdepth 1 -type d | head -1)
[ -n "$KH" ] && [ -x "$KH/bin" ] && [ -f "$KH/bin/karaf" ] || die "no Karaf found in the distribution"
chmod +x "$KH"/bin/* 2>/dev/null || true
# demo mode, as ./dealerhub run sets it on a fresh instance: the load logs in as the demo admin
cp "$KH/demo/users.properties" "$KH/demo/org.dealerhub.demo.cfg" "$KH/etc/" || die "no demo/ folder in the distribution"
[ -z "$(ls -A "$KH/deploy" | grep -v '^README$')" ] || die "the distribution's deploy/ folder is not empty"

set_prop "$KH/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
set_prop "$KH/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
set_prop "$KH/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT"
set_prop "$KH/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT"
echo "   unpacked in ${UNPACK_MS} ms; ports written to etc/org.ops4j.pax.web.cfg, org.apache.karaf.shell.cfg," \
     "org.apache.karaf.management.cfg"

# ------------------------------------------------------------------------------------------------ 1. boot

# boot_karaf LABEL [URL]: launches bin/karaf server and polls GET /api/v1/health until 200 (with URL: until URL
# answers 200 and the log says the Derby datasource started); sets READY_MS (launch -> ready), LOGGED_MS (the platform's own "ready ... ms after JVM
# start"; not with URL) and JVM_PID
boot_karaf() {
  local t_start probe=${2:-}
  unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_LOG KARAF_OPTS KARAF_DEBUG
  t_start=$(now_ms)
  (cd "$KH" && exec setsid bin/karaf server </dev/null >>"$WORK/karaf-console.log" 2>&1) &
  LAUNCHER_PID=$!
  STOP_NOTE="running"
  READY_MS=""
  LAST_CODE=""
  while :; do
    if [ -n "$probe" ]; then
      probe_status "${probe#"$BASE"}"
      if [ "$LAST_CODE" = "200" ] && grep -q 'HikariDataSource.*Start completed' "$KH/data/log/karaf.log" 2>/dev/null
      then READY_MS=$(( $(now_ms) - t_start )); break; fi
    else
      probe_status /api/v1/health
      if [ "$LAST_CODE" = "200" ]; then READY_MS=$(( $(now_ms) - t_start )); break; fi
    fi
    if ! kill -0 "$LAUNCHER_PID" 2>/dev/null && [ -z "$(karaf_jvm_pid)" ]; then
      tail -n 30 "$WORK/karaf-console.log" >&2
      die "Karaf exited before it was ready ($1)"
    fi
    if [ $(( $(now_ms) - t_start )) -gt $(( BOOT_TIMEOUT * 1000 )) ]; then
      tail -n 30 "$KH/data/log/karaf.log" >&2 2>/dev/null
      die "not ready after $BOOT_TIMEOUT s ($1; last health answer: $LAST_CODE)"
    fi
    sleep 0.05
  done
  T_READY=$(now_ms)
  JVM_PID=$(karaf_jvm_pid || true)
  [ -n "$JVM_PID" ] || die "ready, but the Karaf JVM process of $KH was not found"
  CPU_MS=$(cpu_ms "$JVM_PID")
  LOGGED_MS=""
  if [ -n "$probe" ]; then
    echo "   CXF's servlet answered and the datasource was up after ${READY_MS} ms (from launching bin/karaf);" \
         "CPU time used by then ${CPU_MS} ms; JVM pid $JVM_PID"
    return
  fi
  for _ in $(seq 1 100); do
    LOGGED_MS=$(grep -ho 'Dealerhub ready [0-9]* ms after JVM start' "$KH"/data/log/karaf.log 2>/dev/null \
      | tail -1 | grep -o '[0-9]\+' || true)
    [ -n "$LOGGED_MS" ] && break
    sleep 0.1
  done
  echo "   REST ready after ${READY_MS} ms (from launching bin/karaf); platform log: ${LOGGED_MS:-not found} ms" \
       "after JVM start; CPU time used by then ${CPU_MS} ms; JVM pid $JVM_PID"
}

# ------------------------------------------------------------------------------------------------ 0. boot floor

BARE_FIRST_MS=""; BARE_FIRST_CPU_MS=""; BARE_RESTART_MS=""; BARE_RESTART_CPU_MS=""
if $BARE; then
  REAL_KH=$KH
  KH="$WORK/bare/$(basename "$REAL_KH")"
  mkdir -p "$WORK/bare" && cp -a "$REAL_KH" "$KH" || die "cannot copy the distribution for the boot floor"
  # without dealerhub-jaas there is no PBKDF2 encryption service: Karaf's JAAS would wait 10 s for it at each start
  set_prop "$KH/etc/org.apache.karaf.jaas.cfg" encryption.enabled false
  if grep -q '^mvn\\:org\.dealerhub/' "$REAL_KH/etc/startup.properties"; then
    # the platform is in etc/startup.properties: drop the bundles that only Dealerhub's features name (its own and
    # its libraries; dealerhub-cxf-jaxrs, the JAX-RS stack, stays), keeping every bundle a Karaf, CXF, Pax or Aries
    # features file names too, and ours where theirs names a dependency bundle of the same artifact in another
    # version (the build chose ours for theirs: stax2-api for CXF's woodstox); no boot features (the
    # distribution's are Dealerhub's vendors)
    dh_xml=$(find "$REAL_KH/system/org/dealerhub" -name '*-features.xml' | head -1)
    [ -n "$dh_xml" ] || die "no Dealerhub features file in $REAL_KH/system"
    others() { find "$REAL_KH/system" -name '*-features.xml' ! -path '*/org/dealerhub/*' -print0 | xargs -0 cat; }
    locations() { sed -n 's/.*<bundle[^>]*>[ \t]*\([^< \t]*\)[ \t]*<\/bundle>.*/\1/p' | sort -u; }
    only_dealerhub=$(comm -23 \
      <(awk '/<feature name=/ { jaxrs = /name="dealerhub-cxf-jaxrs"/ } !jaxrs' "$dh_xml" | locations) \
      <(others | locations) \
      | awk 'NR == FNR { dep[$0]; next } { a = $0; sub(/\/[^/]*$/, "", a) } !(a in dep)' \
        <(others | grep 'dependency="true"' | locations | sed 's|/[^/]*$||') -)
    awk 'NR == FNR { drop[$0]; next } { k = $1; gsub(/\\:/, ":", k) } !(k in drop)' \
      <(printf '%s\n' "$only_dealerhub") "$REAL_KH/etc/startup.properties" >"$KH/etc/startup.properties"
    bare_features=""
    bare_what="etc/startup.properties without the $(printf '%s\n' "$only_dealerhub" | grep -c .) bundles only Dealerhub's"
    bare_what="$bare_what features name ($(grep -c '^mvn' "$KH/etc/startup.properties") bundles), no boot features"
  else
    # the distribution's boot features without any dealerhub feature, plus the infrastructure the dealerhub
    # features pull in
    bare_features="$(awk '
        /^featuresBoot[ \t]*=/ { on = 1; sub(/^featuresBoot[ \t]*=/, "") }
        on { line = $0; cont = sub(/\\[ \t]*$/, "", line); printf "%s", line; if (!cont) on = 0 }' \
        "$REAL_KH/etc/org.apache.karaf.features.cfg" | tr ',' '\n' | tr -d ' \t' | grep . | grep -v '^dealerhub' \
        | paste -sd, -)"
    [ -n "$bare_features" ] || die "no featuresBoot in $REAL_KH/etc/org.apache.karaf.features.cfg"
    bare_features="$bare_features,dealerhub-cxf-jaxrs,cxf-jaxws,cxf-rt-security,pax-jdbc-config,pax-jdbc-derby"
    bare_features="$bare_features,pax-jdbc-pool-hikaricp,jpa,eclipselink"
    bare_what="features: $bare_features"
  fi
  awk -v f="$bare_features" '
      /^featuresBoot[ \t]*=/ { print "featuresBoot = " f; skip = /\\[ \t]*$/; next }
      skip { skip = /\\[ \t]*$/; next }
      { print }' "$REAL_KH/etc/org.apache.karaf.features.cfg" >"$KH/etc/org.apache.karaf.features.cfg"
  echo
  echo "-- 0. boot floor: the same distribution booting only the stack beneath Dealerhub, polling GET $BASE/soap (CXF's"
  echo "      service list) until 200 with the Derby datasource started ($bare_what)"
  boot_karaf "bare stack, first boot" "$BASE/soap"
  BARE_FIRST_MS=$READY_MS; BARE_FIRST_CPU_MS=$CPU_MS
  stop_karaf
  boot_karaf "bare stack, warm restart" "$BASE/soap"
  BARE_RESTART_MS=$READY_MS; BARE_RESTART_CPU_MS=$CPU_MS
  stop_karaf
  KH=$REAL_KH
  JVM_PID=""; LAUNCHER_PID=""
  rm -rf "$WORK/bare"
fi

echo
echo "-- 1a. first boot (empty data/): bin/karaf server, polling GET $BASE/api/v1/health until 200"
boot_karaf "first boot"
FIRST_MS=$READY_MS
FIRST_LOGGED_MS=$LOGGED_MS
FIRST_CPU_MS=$CPU_MS

# ------------------------------------------------------------------------------------------------ 2. idle RSS

echo
echo "-- 2. idle RSS: waiting ${IDLE_WAIT} s after ready"
sleep "$IDLE_WAIT"
IDLE_RSS=$(rss_mb "$JVM_PID")
[ -n "$IDLE_RSS" ] || die "cannot read /proc/$JVM_PID/status"
echo "   VmRSS ${IDLE_RSS} MB (pid $JVM_PID, $(( ($(now_ms) - T_READY) / 1000 )) s after ready)"

# ------------------------------------------------------------------------------------------------ 1b. warm restart

echo
echo "-- 1b. warm restart, ${RESTARTS} time(s): bin/stop, then bin/karaf server again on the same data/"
RESTART_TIMES=()
RESTART_LOGGED=()
RESTART_CPUS=()
for i in $(seq 1 "$RESTARTS"); do
  stop_karaf
  echo "   $STOP_NOTE"
  mv "$KH/data/log/karaf.log" "$WORK/karaf-boot-$i.log" 2>/dev/null || true
  boot_karaf "warm restart $i"
  RESTART_TIMES+=("$READY_MS")
  RESTART_LOGGED+=("$LOGGED_MS")
  RESTART_CPUS+=("$CPU_MS")
done
RESTART_MS=$(printf '%s\n' "${RESTART_TIMES[@]}" | median)
RESTART_LOGGED_MS=$(printf '%s\n' "${RESTART_LOGGED[@]}" | grep . | median)
RESTART_CPU_MS=$(printf '%s\n' "${RESTART_CPUS[@]}" | grep . | median)

# ------------------------------------------------------------------------------------------------ 3. hot deploy

echo
echo "-- 3. hot deploy: copy the example vendor jar into deploy/, poll GET /api/v1/vendors every 20 ms"
DEPLOYED="$KH/deploy/$(basename "$VENDOR_JAR")"
read -r code present < <(vendors_probe)
[ "$code" = "200" ] || die "GET /api/v1/vendors answered $code"
[ "$present" = "0" ] || die "example-printers is listed before deploying: cannot measure hot deploy"
DEPLOY_TIMES=()
UNDEPLOY_TIMES=()
DEPLOY_FAIL=0
for i in $(seq 1 "$DEPLOY_REPEATS"); do
  t=$(now_ms)
  cp "$WORK/vendor-example.jar" "$DEPLOYED"
  seen=""
  while [ $(( $(now_ms) - t )) -lt 60000 ]; do
    read -r code present < <(vendors_probe)
    if [ "$code" = "200" ] && [ "$present" = "1" ]; then seen=$(( $(now_ms) - t )); break; fi
    sleep 0.02
  done
  sleep 1 # let the bundle settle before taking it away
  t=$(now_ms)
  rm -f "$DEPLOYED"
  gone=""
  while [ $(( $(now_ms) - t )) -lt 60000 ]; do
    read -r code present < <(vendors_probe)
    if [ "$code" = "200" ] && [ "$present" = "0" ]; then gone=$(( $(now_ms) - t )); break; fi
    sleep 0.02
  done
  if [ -z "$seen" ] || [ -z "$gone" ]; then DEPLOY_FAIL=$((DEPLOY_FAIL + 1)); fi
  [ -n "$seen" ] && DEPLOY_TIMES+=("$seen")
  [ -n "$gone" ] && UNDEPLOY_TIMES+=("$gone")
  echo "   run $i: listed after ${seen:-TIMEOUT} ms, gone after ${gone:-TIMEOUT} ms"
  sleep 1
done
DEPLOY_MEDIAN=$(printf '%s\n' "${DEPLOY_TIMES[@]}" | grep . | median)
UNDEPLOY_MEDIAN=$(printf '%s\n' "${UNDEPLOY_TIMES[@]}" | grep . | median)
echo "   median: deploy ${DEPLOY_MEDIAN} ms, undeploy ${UNDEPLOY_MEDIAN} ms"

# ------------------------------------------------------------------------------------------------ 4. ingest

echo
echo "-- 4a. the floor: raw JDBC into a fresh Derby database on the same disk (Karaf idles meanwhile)"
(cd "$WORK" && java -Dderby.system.home="$WORK" -cp "$BENCH_JAR" org.dealerhub.bench.JdbcFloor "$WORK/floor-db" \
  "--threads=$CLIENTS" "--seconds=$SECONDS_SINGLE" "--warmup=$WARMUP" "--batches=$BATCHES" \
  "--batch-size=$BATCH_SIZE" --kv) >"$WORK/floor.out" 2>&1 || { cat "$WORK/floor.out" >&2; die "the floor run failed"; }
grep -v '^BENCH ' "$WORK/floor.out" | sed 's/^/   /'
rm -rf "$WORK/floor-db"

echo
echo "-- 4b. meter-reading ingest (java -jar $(basename "$BENCH_JAR"), running on the same machine)"
java -jar "$BENCH_JAR" "$BASE" "$CLIENTS" "$SECONDS_SINGLE" "$MAX_REQUESTS" "$BATCHES" \
  "--batch-size=$BATCH_SIZE" "--warmup=$WARMUP" "--server-pid=$JVM_PID" --kv >"$WORK/ingest.out" 2>&1
INGEST_RC=$?
grep -v '^BENCH ' "$WORK/ingest.out" | sed 's/^/   /'
kv() { grep -h -m1 "^BENCH $1=" "$WORK/ingest.out" "$WORK/floor.out" | cut -d= -f2- ; }
BUSY_RSS=$(rss_mb "$JVM_PID")

# ------------------------------------------------------------------------------------------------ stop

echo
echo "-- stopping Karaf (bin/stop)"
stop_karaf
echo "   $STOP_NOTE"
if pgrep -f -- "$KH" >/dev/null 2>&1; then KARAF_LEFT="yes (!)"; else KARAF_LEFT="no"; fi

# ------------------------------------------------------------------------------------------------ summary

deploy_list=$(IFS=' '; echo "${DEPLOY_TIMES[*]:-}")
undeploy_list=$(IFS=' '; echo "${UNDEPLOY_TIMES[*]:-}")
row() { printf '| %-40s | %-28s | %-24s | %-20s |\n' "$1" "$2" "${3:-}" "${4:-}"; }
dash() { printf -- '-%.0s' $(seq 1 "$1"); }
line() { printf '+%s+%s+%s+%s+\n' "$(dash 42)" "$(dash 30)" "$(dash 26)" "$(dash 22)"; }
# ratio A B: A / B with two decimals, "-" when either is missing
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f\n", a / b }'; }
# goal VALUE OP LIMIT [UNIT] (OP <= or >=): "OP LIMIT UNIT: met", "...: NOT met", or "...: ?" without a value
goal() {
  awk -v v="$1" -v op="$2" -v l="$3" -v u="${4:+ $4}" 'BEGIN { printf "%s %s%s: ", op, l, u
    if (v == "" || v == "-") print "?"
    else if ((op == "<=" && v + 0 <= l + 0) || (op == ">=" && v + 0 >= l + 0)) print "met"
    else print "NOT met" }'
}
single_ratio=$(ratio "$(kv single.rps)" "$(kv floor.single_per_s)")
batch_ratio=$(ratio "$(kv batch.readings_per_s)" "$(kv floor.batch_rows_per_s)")
echo
echo "== Summary ($(nproc) cores; benchmark client shares the machine with Karaf; load average now $(cut -d" " -f1-3 /proc/loadavg))"
echo "   cold JVM for every phase: ingest runs on the restarted JVM after a ${WARMUP} s warm-up, the floor likewise"
line
row "Figure" "Dealerhub" "floor, ratio" "goal"
line
row "1a. First boot (launch -> /health 200)" "${FIRST_MS} ms" \
  "${BARE_FIRST_MS:--} ms bare, x$(ratio "$FIRST_MS" "$BARE_FIRST_MS")" "$(goal "$FIRST_MS" "<=" 8000 ms)"
row "    logged by the platform" "${FIRST_LOGGED_MS:-?} ms after JVM start"
row "    JVM CPU time (user+sys) until ready" "${FIRST_CPU_MS:-?} ms" \
  "${BARE_FIRST_CPU_MS:--} ms, x$(ratio "$FIRST_CPU_MS" "$BARE_FIRST_CPU_MS")"
row "1b. Warm restart, median of ${RESTARTS}" "${RESTART_MS} ms" \
  "${BARE_RESTART_MS:--} ms bare, x$(ratio "$RESTART_MS" "$BARE_RESTART_MS")" "$(goal "$RESTART_MS" "<=" 6000 ms)"
row "    each run (launch -> /health 200)" "$(IFS=' '; echo "${RESTART_TIMES[*]}") ms"
row "    logged by the platform, median" "${RESTART_LOGGED_MS:-?} ms after JVM start"
row "    JVM CPU time until ready, median" "${RESTART_CPU_MS:-?} ms" \
  "${BARE_RESTART_CPU_MS:--} ms, x$(ratio "$RESTART_CPU_MS" "$BARE_RESTART_CPU_MS")"
row "2. Idle RSS, ${IDLE_WAIT} s after first boot" "${IDLE_RSS} MB" "" "$(goal "$IDLE_RSS" "<=" 350 MB)"
row "   RSS after the ingest runs" "${BUSY_RSS:-?} MB"
row "3. Hot deploy, median of ${DEPLOY_REPEATS}" "${DEPLOY_MEDIAN} ms"
row "   each run" "${deploy_list:--} ms"
row "   Undeploy (delete jar), median" "${UNDEPLOY_MEDIAN} ms"
row "   each run" "${undeploy_list:--} ms"
[ "$DEPLOY_FAIL" -eq 0 ] || row "   runs that timed out" "$DEPLOY_FAIL"
row "4a. Single readings, $(kv single.clients) clients" "$(kv single.rps) requests/s" \
  "$(kv floor.single_per_s) commits/s, x${single_ratio}" "$(goal "$single_ratio" ">=" 0.5)"
row "    latency p99" "$(kv single.p99_ms) ms" "$(kv floor.single_p99_ms) ms" \
  "$(goal "$(kv single.p99_ms)" "<=" 20 ms)"
row "    latency p50 / max" "$(kv single.p50_ms) / $(kv single.max_ms) ms"
row "    server CPU per reading (JIT in it)" "$(kv single.server_cpu_us) ($(kv single.server_jit_us)) us" \
  "$(kv floor.single_cpu_us) us/commit, x$(ratio "$(kv single.server_cpu_us)" "$(kv floor.single_cpu_us)")"
row "    requests / duration" "$(kv single.requests) in $(kv single.seconds) s"
row "    non-2xx (I/O errors)" "$(kv single.non2xx) ($(kv single.io_errors))"
row "4b. Batches of $(kv batch.size) readings" "$(kv batch.readings_per_s) readings/s" \
  "$(kv floor.batch_rows_per_s) rows/s, x${batch_ratio}" "$(goal "$batch_ratio" ">=" 0.7)"
row "    per-batch latency, median" "$(kv batch.median_ms) ms"
row "    server CPU per reading (JIT in it)" "$(kv batch.server_cpu_us) ($(kv batch.server_jit_us)) us" \
  "$(kv floor.batch_cpu_us) us/row, x$(ratio "$(kv batch.server_cpu_us)" "$(kv floor.batch_cpu_us)")"
row "    accepted / refused (batch check ok)" "$(kv batch.accepted) / $(kv batch.refused) ($(kv batch.ok))"
line
row "Karaf stopped" "$STOP_NOTE" "still running: $KARAF_LEFT"
line

STATUS=0
[ "$INGEST_RC" -eq 0 ] || { echo "ingest tool exit status $INGEST_RC (a check failed, see above)"; STATUS=3; }
[ "$DEPLOY_FAIL" -eq 0 ] || STATUS=3
exit $STATUS
