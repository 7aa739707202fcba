#!/usr/bin/env bash
# Debian's MariaDB server binaries, standing in for the original system's MySQL in the import-legacy test (the test
# starts its own server in a temporary directory; no service is used). Nothing when they are there already.
set -euo pipefail
[ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ] && exit 0
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
/usr/sbin/mariadbd --version
