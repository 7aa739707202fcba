#!/bin/bash
# usage: ab.sh label env...
port=$((59000 + RANDOM % 500))
env "${@:2}" PORT=$port LOG_LEVEL=warn DATABASE_URL=sqlite:/tmp/prof/ab-$port.db node --import tsx src/server.ts >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:$port/api/v1/platform/ping >/dev/null && break; sleep 0.3; done
npx autocannon -c 10 -d 5 http://127.0.0.1:$port/api/v1/platform/ping >/dev/null 2>&1
r=$(npx autocannon -c 10 -d 5 http://127.0.0.1:$port/api/v1/platform/ping 2>&1 | grep -E "requests in")
echo "$1: $r"
kill -9 $pid
