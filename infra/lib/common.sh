# Shared helpers for the infra scripts (sourced, not run).
# Processes are tracked in "<run>/pids/<name>.pid" files holding "PID STARTTIME" so that a
# recycled PID is never signalled: stop_pidfile only acts when /proc/PID/stat still shows the
# start time recorded when the process was launched.

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$INFRA_DIR/.." && pwd)
export INFRA_DIR REPO_ROOT
# The Python code the tools share (the postbox_client package) is imported from here; once,
# however often this file is sourced.
if [[ :${PYTHONPATH:-}: != *":$INFRA_DIR/lib/python:"* ]]; then
  export PYTHONPATH=$INFRA_DIR/lib/python${PYTHONPATH:+:$PYTHONPATH}
fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# Field 22 of /proc/PID/stat (start time in clock ticks); the comm field may hold spaces.
proc_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # after "comm) " the state is field 3, so start time is the 20th word here
  set -- $stat
  printf '%s\n' "${20}"
}

# start_bg NAME LOGFILE CMD...: starts CMD in its own session, detached from the caller's
# terminal, and records its PID. The command must not daemonize itself.
start_bg() {
  local name=$1 logfile=$2; shift 2
  mkdir -p "$RUN_DIR/pids" "$(dirname "$logfile")"
  setsid "$@" >>"$logfile" 2>&1 </dev/null &
  local pid=$!
  local st; st=$(proc_starttime "$pid") || st=0
  printf '%s %s\n' "$pid" "$st" >"$RUN_DIR/pids/$name.pid"
}

pidfile_pid() {  # prints the PID if the process recorded in pid file $1 still runs
  local f=$1 pid st now
  [[ -f $f ]] || return 1
  read -r pid st <"$f" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  now=$(proc_starttime "$pid") || return 1
  [[ $st == 0 || $now == "$st" ]] || return 1
  printf '%s\n' "$pid"
}

is_running() { pidfile_pid "$RUN_DIR/pids/$1.pid" >/dev/null; }

# stop_names TIMEOUT_S NAME...: SIGTERM to every recorded process at once, waits for all,
# SIGKILLs what is left after the timeout. Only PIDs recorded (and still matching) are touched.
stop_names() {
  local timeout=$1 name pid i; shift
  local -A pids=()
  for name in "$@"; do
    if pid=$(pidfile_pid "$RUN_DIR/pids/$name.pid"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids[$name]=$pid
    fi
  done
  for ((i = 0; i < timeout * 10 && ${#pids[@]} > 0; i++)); do
    for name in "${!pids[@]}"; do
      alive "${pids[$name]}" || unset "pids[$name]"
    done
    ((${#pids[@]} == 0)) || sleep 0.1
  done
  for name in "${!pids[@]}"; do
    log "$name (pid ${pids[$name]}) still running after ${timeout}s, sending SIGKILL"
    kill -KILL "${pids[$name]}" 2>/dev/null || true
  done
  for name in "$@"; do rm -f "$RUN_DIR/pids/$name.pid"; done
}

stop_name() { stop_names "${2:-30}" "$1"; }  # stop_name NAME [TIMEOUT_S]

alive() {  # a zombie (exited child not yet reaped) counts as stopped
  kill -0 "$1" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

# free_ports N [HOST]: N distinct free TCP ports on HOST, all held open while choosing.
free_ports() {
  python3 - "$1" "${2:-127.0.0.1}" <<'PY'
import socket, sys
n, host = int(sys.argv[1]), sys.argv[2]
socks = []
for _ in range(n):
    s = socket.socket(); s.bind((host, 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

port_is_free() {  # port_is_free PORT [HOST]
  python3 - "$1" "${2:-127.0.0.1}" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind((sys.argv[2], int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

# wait_for DESCRIPTION TIMEOUT_S CMD...: polls CMD every 0.25 s until it succeeds.
wait_for() {
  local what=$1 timeout=$2 deadline; shift 2
  deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.25
  done
}

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# render TEMPLATE OUT VAR...: replaces ${VAR} for the listed variables only (so "$host" and
# other nginx/haproxy variables stay untouched); fails when a listed variable is unset.
render() {
  local template=$1 out=$2 content var; shift 2
  content=$(<"$template")
  for var in "$@"; do
    [[ -v $var ]] || die "render $(basename "$template"): variable $var is not set"
    content=${content//"\${$var}"/"${!var}"}
  done
  printf '%s\n' "$content" >"$out"
}
