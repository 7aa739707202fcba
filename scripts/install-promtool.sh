#!/usr/bin/env bash
# Puts Debian's promtool in .cache/promtool/ (extracted from the prometheus package; no service is installed).
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/.cache/promtool"
[ -x "$dest/promtool" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download prometheus >/dev/null 2>&1; }
dpkg-deb -x prometheus_*.deb x
mkdir -p "$dest"
cp x/usr/bin/promtool "$dest/promtool"
"$dest/promtool" --version | head -n 1
