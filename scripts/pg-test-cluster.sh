#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests on 127.0.0.1 and a free port, owned by the
# unprivileged user `postgres`, in a fresh temporary folder; prints its URL on the last line.
#   export MOTCUA_TEST_PG=$(bash scripts/pg-test-cluster.sh | tail -1)
# Stop it with: su postgres -c "pg_ctl -D <dir> stop"  (the folder is printed on stderr).
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
DIR=$(mktemp -d /tmp/motcua-pg.XXXXXX)
chown postgres "$DIR"
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
RUN="runuser -u postgres --"
[ "$(id -u)" = "$(id -u postgres)" ] && RUN=""
$RUN "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
# fsync stays on: the tests check that acknowledged writes survive a kill of the server.
$RUN "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=200" start >/dev/null
echo "cluster in $DIR/data (log $DIR/log)" >&2
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
