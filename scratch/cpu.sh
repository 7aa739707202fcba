#!/bin/bash
# usage: cpu.sh label script url-path env... ; prints server CPU µs per request over 100k requests
port=$((59500 + RANDOM % 400))
env PORT=$port LOG_LEVEL=warn DATABASE_URL=sqlite:/tmp/prof/cpu-$port.db "${@:4}" node --import tsx $2 >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:$port/api/v1/platform/ping >/dev/null && break; sleep 0.3; done
npx autocannon -c 10 -a 30000 http://127.0.0.1:$port$3 >/dev/null 2>&1
ticks() { awk "{print \$14, \$15}" /proc/$pid/stat; }
t0=$(ticks)
npx autocannon -c 10 -a 100000 http://127.0.0.1:$port$3 >/dev/null 2>&1
t1=$(ticks)
hz=$(getconf CLK_TCK)
read u0 s0 <<< "$t0"; read u1 s1 <<< "$t1"
echo "$1: user $(echo "($u1-$u0)*1000000/$hz/100000" | bc -l | xargs printf '%.2f') sys $(echo "($s1-$s0)*1000000/$hz/100000" | bc -l | xargs printf '%.2f') µs/request"
kill -9 $pid
