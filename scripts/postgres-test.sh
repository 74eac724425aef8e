#!/usr/bin/env bash
# The PostgreSQL server the tests run against: Debian's postgresql package (installed with apt-get when missing),
# a private data folder (target/postgres of the project) and port (55432), database and user "dealerhub"
# (password "dealerhub"; the user may create databases and schemas, the tests take a fresh schema each).
#
#   scripts/postgres-test.sh start    install when missing, create the cluster once, start it; idempotent
#   scripts/postgres-test.sh stop     stop the server of this data folder, if it runs
#   scripts/postgres-test.sh status   say whether it runs
#   scripts/postgres-test.sh url      print its JDBC URL
#
# Environment: DEALERHUB_PG_PORT (55432), DEALERHUB_PG_DIR (target/postgres). The server runs as the user
# "postgres" when started by root (PostgreSQL refuses to run as root). `mvn verify` runs `start` before the tests
# and `stop` after the integration tests (and before `mvn clean`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${DEALERHUB_PG_PORT:-55432}
DIR=${DEALERHUB_PG_DIR:-$ROOT/target/postgres}
DATA=$DIR/data
NAME=dealerhub

die() { echo "postgres-test: $*" >&2; exit 1; }
say() { echo "postgres-test: $*"; }

# the bin directory of the newest installed PostgreSQL server (Debian keeps it off the PATH)
server_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 \
    && { dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0; }
  return 1
}

install_server() {
  [ "$(id -u)" = 0 ] || die "no PostgreSQL server found and not root: install Debian's postgresql package" \
    "(sudo apt-get install postgresql), or skip the PostgreSQL tests with -Ddealerhub.pg.skip"
  say "PostgreSQL not installed: apt-get install postgresql"
  local t=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt-get -q -o DPkg::Lock::Timeout=300 update
  apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends postgresql
  say "installed in $((SECONDS - t)) s"
}

# runs a command as the server's user: "postgres" when we are root, else ourselves
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

admin_sql() {
  as_owner "$BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres -c "$1"
}

start() {
  # mvn -DskipTests verify has no tests to serve
  [ "${DEALERHUB_SKIP_TESTS:-}" = true ] && { say "tests skipped: not started"; return 0; }
  BIN=$(server_bin) || { install_server; BIN=$(server_bin) || die "pg_ctl not found after installing"; }
  mkdir -p "$DIR"
  exec 9>"$DIR.lock"
  flock 9
  if running; then
    say "running on port $PORT ($DATA)"
  else
    port_taken && die "port $PORT is in use by another server (another checkout's test PostgreSQL?):" \
      "choose another with DEALERHUB_PG_PORT or -Ddealerhub.pg.port, or stop the other one"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    chmod 700 "$DIR"
    as_owner test -w "$DIR" || die "the user postgres cannot write $DIR (a parent folder closed to it?):" \
      "set DEALERHUB_PG_DIR to a folder it can reach"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    # a test server: its socket only in its own folder, TCP only on localhost, no fsync (data need not survive
    # a crash of the machine)
    as_owner tee "$DATA/postgresql.auto.conf" >/dev/null <<EOF
port = $PORT
listen_addresses = 'localhost'
unix_socket_directories = '$DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    # (the server must not inherit the lock)
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 120 start >/dev/null 9>&- \
      || { tail -n 20 "$DIR/server.log" >&2; die "the server did not start"; }
    say "started on port $PORT ($DATA)"
  fi
  [ "$(admin_sql "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" = 1 ] \
    || admin_sql "CREATE ROLE $NAME LOGIN CREATEDB PASSWORD '$NAME'"
  [ "$(admin_sql "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" = 1 ] \
    || admin_sql "CREATE DATABASE $NAME OWNER $NAME"
}

stop() {
  BIN=$(server_bin) || { say "not installed"; return 0; }
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped ($DATA)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) BIN=$(server_bin) || die "not installed"; if running; then say "running on port $PORT"; else say "not running"; exit 3; fi ;;
  url) echo "jdbc:postgresql://localhost:$PORT/$NAME" ;;
  *) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
