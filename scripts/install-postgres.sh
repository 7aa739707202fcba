#!/usr/bin/env bash
# CI: the PostgreSQL server binaries the suite's second run needs (Debian's package), unless PG_TEST_URL is set.
set -euo pipefail
[ -n "${PG_TEST_URL:-}" ] && exit 0
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && exit 0
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
