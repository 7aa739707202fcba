#!/usr/bin/env bash
# Debian's chromium, for the browser test of /docs (driven by playwright-core). Nothing when it is there already.
set -euo pipefail
command -v chromium >/dev/null && exit 0
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
chromium --version
