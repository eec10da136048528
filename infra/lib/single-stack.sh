# Sourced after infra/local/topology.sh by infra/bench/run and infra/reliability/soak/run: the
# single-instance stack nginx -> one app -> one MariaDB + one Cassandra node on loopback, every
# process recorded under RUN_DIR/pids so that single_stack_down stops exactly those.
# shellcheck shell=bash

# single_stack_build: builds the launcher distribution when INFRA_APP is missing.
single_stack_build() {
  if [[ ! -x $INFRA_APP ]]; then
    log "building the launcher distribution (./mvnw -B -ntp -DskipTests package)"
    (cd "$REPO_ROOT" && ./mvnw -B -ntp -q -DskipTests package) >"$RUN_DIR/logs/build.log" 2>&1 \
      || die "the build failed (log: $RUN_DIR/logs/build.log)"
  fi
}

# single_stack_stores PRIMARY_PORT CASSANDRA_ADDRESS_PREFIX CLUSTER_NAME: one MariaDB on
# PRIMARY_PORT (bootstrapped: database, app user, secrets) and one Cassandra node, started side
# by side; writes RUN_DIR/topology.env for app_env and sets CASSANDRA_CONTACT_POINTS.
single_stack_stores() {
  local primary_port=$1 prefix=$2 cluster=$3 cass_pid
  CASSANDRA_NODES=1 CASSANDRA_ADDRESS_PREFIX=$prefix CASSANDRA_CLUSTER_NAME=$cluster \
    start_bg cassandra-start "$RUN_DIR/logs/cassandra-start.log" "$INFRA_DIR/cassandra/start-nodes"
  cass_pid=$(pidfile_pid "$RUN_DIR/pids/cassandra-start.pid")
  start_mariadb primary "$primary_port"
  wait_for "MariaDB" 60 mariadb-admin --no-defaults --socket="$RUN_DIR/mariadb/primary/mysqld.sock" -uroot ping \
    || die "MariaDB did not start (log: $RUN_DIR/logs/mariadb-primary.log)"
  secret db-password >/dev/null
  secret repl-password >/dev/null
  MYSQL_ADMIN_USER=root MYSQL_ADMIN_PASSWORD="" PRIMARY_SOCKET=$RUN_DIR/mariadb/primary/mysqld.sock \
    POSTBOX_DB_PASSWORD_FILE=$RUN_DIR/secrets/db-password REPL_PASSWORD_FILE=$RUN_DIR/secrets/repl-password \
    "$INFRA_DIR/mysql/bootstrap-primary" >>"$RUN_DIR/logs/bootstrap.log" 2>&1 \
    || die "bootstrap-primary failed (log: $RUN_DIR/logs/bootstrap.log)"
  wait "$cass_pid" || die "the Cassandra node did not start (log: $RUN_DIR/logs/cassandra-start.log)"
  rm -f "$RUN_DIR/pids/cassandra-start.pid"
  # shellcheck source=/dev/null
  source "$RUN_DIR/cassandra.env"
  # One MariaDB, no HAProxy: the app's "replica" URL is the primary (a single pool).
  cat >"$RUN_DIR/topology.env" <<EOF
MYSQL_WRITE_PORT=$primary_port
MYSQL_READ_PORT=$primary_port
CASSANDRA_NODES=1
CASSANDRA_CONTACT_POINTS=$CASSANDRA_CONTACT_POINTS
EOF
}

# single_stack_app: migrate, collectstatic into RUN_DIR/static, then app instance 1 on APP1_PORT
# (POSTBOX_* variables exported by the caller reach it); sets app_pid once /health/ready is 200.
single_stack_app() {
  (
    app_env
    "$INFRA_APP" migrate >"$RUN_DIR/logs/migrate.log" 2>&1 || die "migrate failed (log: $RUN_DIR/logs/migrate.log)"
    "$INFRA_APP" collectstatic --to "$RUN_DIR/static" >"$RUN_DIR/logs/collectstatic.log" 2>&1 \
      || die "collectstatic failed (log: $RUN_DIR/logs/collectstatic.log)"
  )
  chmod -R a+rX "$RUN_DIR/static"
  start_app 1
  app_pid=$(pidfile_pid "$RUN_DIR/pids/app1.pid")
  wait_for "the app" 120 http_ok "http://127.0.0.1:$APP1_PORT/health/ready" \
    || die "the app did not become ready (log: $RUN_DIR/logs/app1.log)"
  [[ $(cat "/proc/$app_pid/comm") == java ]] || die "pid $app_pid is not the app's JVM"
}

# single_stack_nginx NGINX_PORT WORKERS ACCESS_LOG: nginx in front of app 1 serving
# RUN_DIR/static; sets base (its URL) once /health/live answers through it.
single_stack_nginx() {
  NGINX_UPSTREAM=127.0.0.1:$APP1_PORT NGINX_LISTEN=127.0.0.1:$1 NGINX_STATIC_DIR=$RUN_DIR/static \
    NGINX_RUN_DIR=$RUN_DIR/nginx1 NGINX_USER="$(id -un) $(id -gn)" NGINX_WORKER_PROCESSES=$2 \
    NGINX_ACCESS_LOG=$3 \
    start_bg nginx1 "$RUN_DIR/logs/nginx1.log" "$INFRA_DIR/nginx/entrypoint"
  base=http://127.0.0.1:$1
  wait_for "nginx" 30 http_ok "$base/health/live" || die "nginx did not start (log: $RUN_DIR/logs/nginx1.log)"
}

# single_stack_down [NAME...]: stops nginx, the app and the named extra front processes, then the
# stores; only the PIDs recorded in this run's pid files are signalled.
single_stack_down() {
  stop_names 30 nginx1 app1 "$@"
  stop_names 60 cassandra-start cassandra1 mariadb-primary
}
