#!/bin/bash
port=$((59500 + RANDOM % 400))
env "${@:3}" PORT=$port node --import tsx $2 >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:$port/api/v1/platform/ping >/dev/null && break; sleep 0.3; done
npx autocannon -c 10 -d 3 http://127.0.0.1:$port/api/v1/platform/ping >/dev/null 2>&1
r=$(npx autocannon -c 10 -d 5 http://127.0.0.1:$port/api/v1/platform/ping 2>&1 | grep -E "requests in")
echo "$1: $r"
kill -9 $pid
