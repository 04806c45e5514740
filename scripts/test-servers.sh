#!/usr/bin/env bash
# Starts throw-away PostgreSQL, Redis and Azurite servers on free loopback ports for the tests, and
# exports their connection strings. Sourced by scripts/test.sh; `stop_test_servers` ends them.
# PostgreSQL refuses to run as root, so as root its cluster belongs to the postgres user (runuser).

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "test servers: $name did not start in ${seconds}s" >&2
  return 1
}

start_test_servers() {
  local repo=$1
  TEST_SERVERS_DIR=$(mktemp -d /tmp/rlgt-test-servers.XXXXXX)
  chmod 755 "$TEST_SERVERS_DIR"
  local pg_bin
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/postgres" ] || { echo "test servers: no PostgreSQL server binaries (run scripts/setup.sh)" >&2; return 1; }

  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
  local pg_dir="$TEST_SERVERS_DIR/postgres" pg_port password
  pg_port=$(free_port)
  password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$pg_dir"
  echo "$password" > "$TEST_SERVERS_DIR/pw"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$pg_dir" "$TEST_SERVERS_DIR/pw"; fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir" -U postgres -E UTF8 --no-locale --auth-host=scram-sha-256 \
    --auth-local=peer "--pwfile=$TEST_SERVERS_DIR/pw" >"$TEST_SERVERS_DIR/initdb.log" 2>&1 \
    || { cat "$TEST_SERVERS_DIR/initdb.log" >&2; return 1; }
  # Durability is not what the tests measure: fsync off keeps them quick.
  "${as_pg[@]}" "$pg_bin/postgres" -D "$pg_dir" -p "$pg_port" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=300 >"$TEST_SERVERS_DIR/postgres.log" 2>&1 &
  TEST_PG_PID=$!

  local redis_port
  redis_port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$TEST_SERVERS_DIR" \
    >"$TEST_SERVERS_DIR/redis.log" 2>&1 &
  TEST_REDIS_PID=$!

  local blob_port
  blob_port=$(free_port)
  "$repo/.tools/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --skipApiVersionCheck --loose --inMemoryPersistence \
    >"$TEST_SERVERS_DIR/azurite.log" 2>&1 &
  TEST_AZURITE_PID=$!

  export RLGT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
  export RLGT_TEST_REDIS="127.0.0.1:$redis_port"
  export RLGT_TEST_BLOBS="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"

  wait_for postgres 30 bash -c "PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -d postgres -tAc 'select 1'" || { cat "$TEST_SERVERS_DIR/postgres.log" >&2; return 1; }
  wait_for redis 15 bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port" || { cat "$TEST_SERVERS_DIR/redis.log" >&2; return 1; }
  wait_for azurite 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$blob_port" || { cat "$TEST_SERVERS_DIR/azurite.log" >&2; return 1; }
  echo "test servers: postgres :$pg_port, redis :$redis_port, azurite :$blob_port"
}

stop_test_servers() {
  for pid in ${TEST_AZURITE_PID:-} ${TEST_REDIS_PID:-}; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${TEST_PG_PID:-}" ]; then
    # runuser forwards SIGTERM to postgres: a smart shutdown.
    kill "$TEST_PG_PID" 2>/dev/null || true
    pkill -TERM -f "postgres -D ${TEST_SERVERS_DIR}/postgres" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  [ -n "${TEST_SERVERS_DIR:-}" ] && rm -rf "$TEST_SERVERS_DIR"
}
