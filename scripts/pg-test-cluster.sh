#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (about 1.5 s to start).
#   scripts/pg-test-cluster.sh start DIR PORT   → prints the DATABASE_URL on stdout
#   scripts/pg-test-cluster.sh stop DIR
# fsync is off and authentication is trust: it listens on 127.0.0.1 only and holds test data only.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 3
fi

# initdb refuses to run as root; run the server as the postgres system user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?start or stop}
dir=${2:?cluster directory}
case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      # The server runs as postgres, which must be able to reach the directory.
      chmod 755 "$(dirname "$dir")"
      chown postgres:postgres "$dir"
    fi
    as_owner "$bindir/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=${PG_SHARED_BUFFERS:-256MB}" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -t 10 >/dev/null
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres item10
    echo "postgres://postgres@127.0.0.1:$port/item10"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
