# Sourced by infra/local/{up,down,status} and the system tests: names, paths and helpers of the
# local topology. Everything lives under INFRA_RUN_DIR (default <repo>/var/local).
# shellcheck shell=bash
# shellcheck source=../lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib/common.sh"

RUN_DIR=${INFRA_RUN_DIR:-$REPO_ROOT/var/local}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
export RUN_DIR
DEFAULT_APP=$REPO_ROOT/launcher/target/postbox/bin/postbox
INFRA_APP=${INFRA_APP:-$DEFAULT_APP}

# Stop order: front to back, so no layer sees its backend vanish while it still takes traffic.
stop_order() {
  local f names=() group
  shopt -s nullglob
  for group in haproxy-web 'nginx*' 'app*' haproxy-mysql cassandra-start 'cassandra[0-9]*' mariadb-replica mariadb-primary; do
    for f in "$RUN_DIR"/pids/$group.pid; do [[ -f $f ]] && names+=("$(basename "$f" .pid)"); done
  done
  shopt -u nullglob
  printf '%s\n' "${names[@]}"
}

# stats_csv WHICH: the HAProxy stats CSV of "web" or "mysql", fetched with the credentials from
# the run dir (given to curl on stdin, never on its command line).
stats_csv() {
  # shellcheck source=/dev/null
  source "$RUN_DIR/topology.env"
  local port
  if [[ $1 == web ]]; then port=$WEB_STATS_PORT; else port=$MYSQL_STATS_PORT; fi
  printf 'user = "%s:%s"\n' "$STATS_USER" "$(<"$RUN_DIR/secrets/stats-password")" \
    | curl -fsS --max-time 3 -K - "http://127.0.0.1:$port/;csv"
}

# server_status WHICH PROXY SERVER: UP, DOWN, MAINT, "no check"... from the stats CSV.
server_status() {
  stats_csv "$1" | awk -F, -v p="$2" -v s="$3" '$1 == p && $2 == s { print $18; found = 1 } END { exit !found }'
}

# status_is WHICH PROXY SERVER WANTED: succeeds when the server's status starts with WANTED
# ("UP" also matches "UP 1/2" while rising; use "UP$" style exact words via status_exact).
status_exact() { [[ $(server_status "$1" "$2" "$3" 2>/dev/null) == "$4" ]]; }

# App environment shared by every instance (the launcher's POSTBOX_* contract).
app_env() {
  # shellcheck source=/dev/null
  source "$RUN_DIR/topology.env"
  local replication
  if ((CASSANDRA_NODES >= 3)); then replication="NetworkTopologyStrategy:datacenter1=3"
  else replication="SimpleStrategy:$CASSANDRA_NODES"; fi
  export POSTBOX_STORAGE=external \
    POSTBOX_HTTP_HOST=127.0.0.1 \
    POSTBOX_DB_PRIMARY_URL="jdbc:mysql://127.0.0.1:$MYSQL_WRITE_PORT/postbox" \
    POSTBOX_DB_REPLICA_URL="jdbc:mysql://127.0.0.1:$MYSQL_READ_PORT/postbox" \
    POSTBOX_DB_USER=postbox \
    POSTBOX_DB_PASSWORD_FILE="$RUN_DIR/secrets/db-password" \
    POSTBOX_CASSANDRA_CONTACT_POINTS="$CASSANDRA_CONTACT_POINTS" \
    POSTBOX_CASSANDRA_LOCAL_DC=datacenter1 \
    POSTBOX_CASSANDRA_REPLICATION="$replication" \
    POSTBOX_STATIC_DIR="$RUN_DIR/static" \
    POSTBOX_SERVE_STATIC=false \
    POSTBOX_TRUSTED_PROXIES=127.0.0.1/32,::1/128 \
    POSTBOX_SECURE_COOKIES=auto
}

# start_app I: app instance I on its port, logging to logs/appI.log.
start_app() {
  local i=$1 port_var="APP${1}_PORT"
  (
    app_env
    export POSTBOX_HTTP_PORT=${!port_var} POSTBOX_INSTANCE_NAME=app$i POSTBOX_DATA_DIR="$RUN_DIR/app$i"
    mkdir -p "$POSTBOX_DATA_DIR"
    start_bg "app$i" "$RUN_DIR/logs/app$i.log" "$INFRA_APP" serve
  )
}

secret() {  # secret NAME: the secret's value, generated on first use (mode 600)
  local f="$RUN_DIR/secrets/$1"
  if [[ ! -s $f ]]; then
    mkdir -p "$RUN_DIR/secrets"
    chmod 700 "$RUN_DIR/secrets"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$f")
  fi
  cat "$f"
}

# start_mariadb primary|replica PORT: initialises the datadir once, then starts mariadbd.
start_mariadb() {
  local role=$1 port=$2 d="$RUN_DIR/mariadb/$1"
  mkdir -p "$d"
  if [[ ! -d $d/data/mysql ]]; then
    mariadb-install-db --no-defaults --datadir="$d/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal >"$RUN_DIR/logs/mariadb-$role-install.log" 2>&1 \
      || die "mariadb-install-db for the $role failed (log: $RUN_DIR/logs/mariadb-$role-install.log)"
  fi
  if is_running "mariadb-$role"; then log "mariadb-$role already running"; return 0; fi
  start_bg "mariadb-$role" "$RUN_DIR/logs/mariadb-$role.log" mariadbd --defaults-file="$INFRA_DIR/mysql/$role.cnf" --user="$(id -un)" \
    --datadir="$d/data" --port="$port" --bind-address=127.0.0.1 --socket="$d/mysqld.sock" \
    --pid-file="$d/mariadbd.pid"
}
