#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and benchmarks.
#   scripts/pg.sh start DIR   initdb (once) and start; prints the connection string as the last line
#   scripts/pg.sh stop DIR    stop it (no error when it is not running)
# Trust auth and 127.0.0.1 only: never point this at data that matters.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
FIRST_PORT=${PG_FIRST_PORT:-54329}
# Tests run in parallel, each with its own databases and pools, and cluster tests hold several nodes' pools at
# once: the default of 100 ran out on a CI machine with more cores than this one.
MAX_CONNECTIONS=${PG_MAX_CONNECTIONS:-500}

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# postgres refuses to run as root, so the cluster belongs to the postgres OS user when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_binaries() {
  if [ -x "$PGBIN/initdb" ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "pg.sh: $PGBIN/initdb not found; install the 'postgresql' package" >&2
    exit 1
  fi
  echo "pg.sh: installing postgresql" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  if [ ! -x "$PGBIN/initdb" ]; then
    echo "pg.sh: still no $PGBIN/initdb after installing postgresql (another major version? set PGBIN)" >&2
    exit 1
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

connection_string() {
  echo "Host=127.0.0.1;Port=$(cat "$DIR/port");Username=postgres;Database=postgres"
}

start() {
  ensure_binaries
  mkdir -p "$DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$DIR"
    if ! runuser -u postgres -- test -w "$DIR"; then
      echo "pg.sh: the postgres user cannot reach $DIR (a parent directory is not traversable); use a path under /tmp" >&2
      exit 1
    fi
  fi

  if [ ! -f "$DATA/PG_VERSION" ]; then
    # --no-sync only speeds up initdb itself; the running server keeps fsync on.
    as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi

  if is_running && [ -f "$DIR/port" ]; then
    connection_string
    return
  fi

  local port=$FIRST_PORT attempts=0
  while [ "$attempts" -lt 50 ]; do
    if ! port_in_use "$port"; then
      # No Unix socket: tests use TCP, and a socket directory would need a short path the postgres user can write.
      if as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 30 \
          -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c max_connections=$MAX_CONNECTIONS" start >/dev/null 2>&1; then
        echo "$port" >"$DIR/port"
        connection_string
        return
      fi
      # Lost a race for the port (or a real failure): the log says which.
      if grep -q "could not bind" "$DIR/server.log" 2>/dev/null; then
        :
      else
        tail -n 20 "$DIR/server.log" >&2 || true
        exit 1
      fi
    fi
    port=$((port + 1))
    attempts=$((attempts + 1))
  done
  echo "pg.sh: no free port from $FIRST_PORT to $port" >&2
  exit 1
}

stop() {
  if [ -d "$DATA" ] && is_running; then
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

[ $# -eq 2 ] || usage
DIR=$(realpath -m "$2")
DATA="$DIR/data"
case "$1" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
