#!/bin/sh
# Install Debian's PostgreSQL server when it is missing, so that `make test` runs the store
# and fusion tests on PostgreSQL as well as SQLite. The test suite starts its own throwaway
# server (initdb + pg_ctl on a loopback port in a temporary directory); nothing is left
# running and no system service is used. Exits non-zero when it cannot install.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgres: no apt-get here; install PostgreSQL's server binaries yourself" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "ensure-postgres: not root and no sudo; cannot install postgresql" >&2
        exit 1
    fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
