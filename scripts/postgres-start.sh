#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the tests on 127.0.0.1:${PGPORT:-54329}, installing it if
# missing. Prints the export line for FEEDWATCH_TEST_POSTGRES_URL. Safe to run twice.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDATA="${PGDATA_DIR:-/tmp/feedwatch-pg}"

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

if ! BIN=$(find_bin); then
  echo "installing PostgreSQL from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin)
fi

run_as_pg() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PGDATA" postgres
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  [ "$(id -u)" = "0" ] && chown postgres "$PGDATA"
  run_as_pg "'$BIN/initdb' -D '$PGDATA' -U postgres --auth=trust -E UTF8 >/dev/null"
fi
if ! run_as_pg "'$BIN/pg_ctl' -D '$PGDATA' status" >/dev/null 2>&1; then
  run_as_pg "'$BIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/log' -w \
    -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off\" start" >&2
fi
echo "export FEEDWATCH_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PGPORT/postgres"
