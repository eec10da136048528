# Sourced by the mysql scripts. A server is named by a prefix: PRIMARY or REPLICA, read from
# <PREFIX>_SOCKET (admin over the unix socket) or <PREFIX>_HOST/<PREFIX>_PORT.
# Admin credentials: MYSQL_ADMIN_USER (root), MYSQL_ADMIN_PASSWORD or MYSQL_ADMIN_PASSWORD_FILE.
# Passwords go through a private defaults file, never on a command line.

read_secret() {  # read_secret VAR: value of VAR, or of the file named by VAR_FILE
  local file_var="${1}_FILE"
  if [[ -n ${!file_var:-} ]]; then
    [[ -r ${!file_var} ]] || { echo "${0##*/}: $file_var '${!file_var}' is not readable" >&2; exit 2; }
    head -n1 "${!file_var}"
  else
    printf '%s' "${!1:-}"
  fi
}

# The admin credentials file, made once when this file is sourced (not inside a $(...)
# subshell, whose EXIT trap would delete it at once).
_mysql_defaults=$(mktemp)
trap 'rm -f "$_mysql_defaults"' EXIT
chmod 600 "$_mysql_defaults"
printf '[client]\nuser=%s\npassword="%s"\n' "${MYSQL_ADMIN_USER:-root}" "$(read_secret MYSQL_ADMIN_PASSWORD)" >"$_mysql_defaults"

server_desc() {
  local s="${1}_SOCKET" h="${1}_HOST" p="${1}_PORT"
  if [[ -n ${!s:-} ]]; then printf '%s' "${!s}"; else printf '%s:%s' "${!h:-127.0.0.1}" "${!p:-3306}"; fi
}

# sql PREFIX [mariadb args...]: runs the SQL on stdin (or -e) on that server, tab-separated.
sql() {
  local prefix=$1; shift
  local s="${prefix}_SOCKET" h="${prefix}_HOST" p="${prefix}_PORT" where
  if [[ -n ${!s:-} ]]; then
    where=(--socket="${!s}")
  else
    where=(--protocol=TCP -h "${!h:-127.0.0.1}" -P "${!p:-3306}")
  fi
  mariadb --defaults-extra-file="$_mysql_defaults" "${where[@]}" --connect-timeout=3 -N -B "$@"
}

sql_quote_ok() {  # refuses values that would need escaping inside '...'
  [[ $1 != *[\'\\]* ]] || { echo "${0##*/}: $2 must not contain a quote or a backslash" >&2; exit 2; }
}
