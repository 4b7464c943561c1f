# Throw-away PostgreSQL and MariaDB servers on loopback for the test suite. Sourced by scripts/test.
# Each start_* exports the URL the tests read (MODELDESK_TEST_PG_URL, MODELDESK_TEST_MYSQL_URL) and records
# what it started so that stop_servers stops exactly that and nothing else.

SERVERS_DIR=""
STARTED_PG=""
STARTED_MARIADB=""

# Not called through $(...): it must set SERVERS_DIR in this shell.
init_servers_dir() {
  if [ -z "$SERVERS_DIR" ]; then
    SERVERS_DIR=$(mktemp -d /tmp/modeldesk-servers.XXXXXX)
    chmod 755 "$SERVERS_DIR"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the given system user when we are root (the servers refuse to run as root).
as_user() {
  local user=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

start_postgres() {
  if [ -n "${MODELDESK_TEST_PG_URL:-}" ]; then
    echo "modeldesk: using PostgreSQL at MODELDESK_TEST_PG_URL" >&2
    return 0
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || { echo "modeldesk: PostgreSQL is not installed" >&2; return 1; }
  local dir port owner
  init_servers_dir
  dir="$SERVERS_DIR/pg"
  port=$(free_port)
  owner=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)
  mkdir -p "$dir" && chown "$owner" "$dir"
  as_user "$owner" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_user "$owner" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_locks_per_transaction=1024" start >&2 \
    || { cat "$dir/server.log" >&2; return 1; }
  STARTED_PG="$bin/pg_ctl -D $dir/data"
  PG_OWNER=$owner
  as_user "$owner" psql -X -q -h "$dir" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE modeldesk LOGIN PASSWORD 'modeldesk' SUPERUSER" \
    -c "CREATE DATABASE modeldesk_test OWNER modeldesk" >&2
  export MODELDESK_TEST_PG_URL="postgres://modeldesk:modeldesk@127.0.0.1:$port/modeldesk_test"
  echo "modeldesk: started PostgreSQL on 127.0.0.1:$port" >&2
}

start_mariadb() {
  if [ -n "${MODELDESK_TEST_MYSQL_URL:-}" ]; then
    echo "modeldesk: using MariaDB at MODELDESK_TEST_MYSQL_URL" >&2
    return 0
  fi
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || { echo "modeldesk: MariaDB is not installed" >&2; return 1; }
  local dir port owner
  init_servers_dir
  dir="$SERVERS_DIR/mariadb"
  port=$(free_port)
  owner=$([ "$(id -u)" -eq 0 ] && echo mysql || id -un)
  mkdir -p "$dir" && chown "$owner" "$dir"
  as_user "$owner" mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; return 1; }
  as_user "$owner" /usr/sbin/mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --skip-log-bin \
    --innodb-flush-log-at-trx-commit=2 >"$dir/server.log" 2>&1 &
  STARTED_MARIADB="$dir"
  local i
  for i in $(seq 1 100); do
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "
    CREATE DATABASE IF NOT EXISTS modeldesk_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'modeldesk'@'127.0.0.1' IDENTIFIED BY 'modeldesk';
    GRANT ALL PRIVILEGES ON *.* TO 'modeldesk'@'127.0.0.1';" >&2 || { cat "$dir/server.log" >&2; return 1; }
  export MODELDESK_TEST_MYSQL_URL="mysql://modeldesk:modeldesk@127.0.0.1:$port/modeldesk_test"
  echo "modeldesk: started MariaDB on 127.0.0.1:$port" >&2
}

stop_servers() {
  if [ -n "$STARTED_PG" ]; then
    as_user "$PG_OWNER" $STARTED_PG -m fast -w stop >/dev/null 2>&1 || true
    STARTED_PG=""
  fi
  if [ -n "$STARTED_MARIADB" ]; then
    mariadb-admin --no-defaults --socket="$STARTED_MARIADB/mysqld.sock" -uroot shutdown >/dev/null 2>&1 \
      || kill "$(cat "$STARTED_MARIADB/mysqld.pid" 2>/dev/null)" 2>/dev/null || true
    STARTED_MARIADB=""
  fi
  [ -n "$SERVERS_DIR" ] && rm -rf "$SERVERS_DIR"
  SERVERS_DIR=""
}
