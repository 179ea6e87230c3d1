# Services the tests need that a fresh Debian machine lacks: headless Chromium with Debian's chromedriver
# (Lab 04's browser test) and MariaDB on loopback (Lab 04's store on a real server). .ci/run sources it:
#
#   source .ci/services.sh
#
# and then has WIRELAB_MARIADB_URL, WIRELAB_MARIADB_USER and WIRELAB_MARIADB_PASSWORD in its environment.
# Runs as root. Quiet when all is well, prints what failed (with the apt or server log) and returns
# non-zero otherwise. Idempotent: a second run installs nothing, starts nothing and takes a fraction of a
# second. It sets no shell options, so the caller's `set -euo pipefail` stays as it was.

_wirelab_services_fail() {
  echo "services.sh: $*" >&2
  return 1
}

# Installs only the packages that are missing; apt's chatter goes to a log shown only on failure.
_wirelab_services_install() {
  local package status log
  local missing=()
  for package in chromium chromium-driver mariadb-server mariadb-client; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) || status=""
    if [ "$status" != installed ]; then missing+=("$package"); fi
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi

  log=$(mktemp /tmp/wirelab-apt.XXXXXX) || return 1
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    _wirelab_services_fail "apt-get could not install ${missing[*]} (log above)"
    return 1
  fi
  rm -f "$log"
}

# 0 when a server answers on 127.0.0.1:3306 (ping succeeds even when access as the current user is denied).
# `timeout`: --connect-timeout does not cover a peer that accepts and then never sends a handshake.
_wirelab_services_mariadb_alive() {
  timeout 5 mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 --connect-timeout=2 ping >/dev/null 2>&1
}

# Starts mariadbd in the background (CI containers have no systemd, and Debian's policy-rc.d keeps the
# package from starting it), on the default datadir when the package initialised it, else on its own.
_wirelab_services_start_mariadb() {
  local datadir=/var/lib/mysql log=/var/log/mysql/wirelab-mariadb.log pid deadline
  install -d -o mysql -g mysql /run/mysqld /var/log/mysql || return 1
  install -o mysql -g mysql -m 640 /dev/null "$log" || return 1
  if [ ! -d "$datadir/mysql" ]; then
    datadir=/var/lib/wirelab-mariadb
    if [ ! -d "$datadir/mysql" ]; then
      install -d -o mysql -g mysql "$datadir" || return 1
      if ! mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db >"$log" 2>&1; then
        cat "$log" >&2
        _wirelab_services_fail "mariadb-install-db failed for $datadir (log above)"
        return 1
      fi
    fi
  fi

  setsid /usr/sbin/mariadbd --user=mysql --datadir="$datadir" --bind-address=127.0.0.1 --port=3306 \
      --socket=/run/mysqld/mysqld.sock --pid-file=/run/mysqld/mysqld.pid --log-error="$log" \
      </dev/null >>"$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 60))
  until _wirelab_services_mariadb_alive; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      _wirelab_services_fail "mariadbd exited while starting (last lines of $log above)"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$log" >&2
      _wirelab_services_fail "mariadbd did not answer a ping on 127.0.0.1:3306 within 60 s (pid $pid, log $log)"
      return 1
    fi
    sleep 0.2
  done
}

_wirelab_services_can_log_in() {
  timeout 10 mariadb --protocol=tcp -h127.0.0.1 -P3306 --connect-timeout=2 -uwirelab -pwirelab wirelab \
      -e 'select 1' >/dev/null 2>&1
}

# As root over the unix socket (root@localhost authenticates by unix_socket on Debian). Every statement
# is safe to repeat; ALTER USER resets a password someone changed.
_wirelab_services_provision() {
  local output
  if ! output=$(timeout 30 mariadb --protocol=socket -uroot 2>&1 <<'SQL'
CREATE DATABASE IF NOT EXISTS wirelab CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER DATABASE wirelab CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wirelab'@'127.0.0.1' IDENTIFIED BY 'wirelab';
CREATE USER IF NOT EXISTS 'wirelab'@'localhost' IDENTIFIED BY 'wirelab';
ALTER USER 'wirelab'@'127.0.0.1' IDENTIFIED BY 'wirelab';
ALTER USER 'wirelab'@'localhost' IDENTIFIED BY 'wirelab';
GRANT ALL PRIVILEGES ON wirelab.* TO 'wirelab'@'127.0.0.1';
GRANT ALL PRIVILEGES ON wirelab.* TO 'wirelab'@'localhost';
SQL
  ); then
    echo "$output" >&2
    _wirelab_services_fail "could not create database and user wirelab as root over the unix socket"
    return 1
  fi
  if ! _wirelab_services_can_log_in; then
    _wirelab_services_fail "expected mariadb -h127.0.0.1 -uwirelab -pwirelab wirelab to connect but it was refused"
    return 1
  fi
}

_wirelab_services() {
  _wirelab_services_install || return 1
  if _wirelab_services_can_log_in; then return 0; fi
  if ! _wirelab_services_mariadb_alive; then _wirelab_services_start_mariadb || return 1; fi
  _wirelab_services_provision
}

_wirelab_services_forget() {
  unset -f _wirelab_services _wirelab_services_fail _wirelab_services_install _wirelab_services_mariadb_alive \
      _wirelab_services_start_mariadb _wirelab_services_can_log_in _wirelab_services_provision \
      _wirelab_services_forget
}

# `return` when sourced, `exit` when run as `bash .ci/services.sh` (then only the started server is of use).
if _wirelab_services; then
  _wirelab_services_forget
  export WIRELAB_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306/wirelab
  export WIRELAB_MARIADB_USER=wirelab
  export WIRELAB_MARIADB_PASSWORD=wirelab
  return 0 2>/dev/null || exit 0
fi
_wirelab_services_forget
return 1 2>/dev/null || exit 1
