#!/usr/bin/env bash
# The per-message CPU budget of one cross-instance peer at one connection (docs/benchmarks.md, "The per-message CPU
# budget"): runs the built benchmark's Group,1 scenario with 10-second throughput rounds and, inside the first measured
# round, reads the CPU time (user + system) of the benchmark process (instances A and B) and of redis-server for
# 6 seconds; divides by the messages of that window.
#
#   ./eng/cpu-budget.sh "LiveTemplate.Typed"                      # ours
#   ./eng/cpu-budget.sh "raw StackExchange.Redis, awaited"        # the ceiling it is compared with
#   ./eng/cpu-budget.sh "LiveTemplate.Typed" --perf /tmp/ours.data # also a system-wide perf profile of the window
#   BENCH_DIR=../other-checkout ./eng/cpu-budget.sh ...            # another checkout's Release build (A/B)
#                                                                  (its benchmark must know --round-seconds: 09214bd on)
#
# Needs the Release build of tests/LiveTemplate.Typed.Benchmarks (./eng/bench.sh builds it) and a quiet machine.
set -euo pipefail
peer="$1"; shift
perf_out=""
if [ "${1:-}" = "--perf" ]; then perf_out="$2"; fi
dir="${BENCH_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
dll="$dir/tests/LiveTemplate.Typed.Benchmarks/bin/Release/net10.0/LiveTemplate.Typed.Benchmarks.dll"
[ -f "$dll" ] || { echo "Build the benchmarks first: dotnet build tests/LiveTemplate.Typed.Benchmarks -c Release" >&2; exit 2; }
log="$(mktemp)"; report="$(mktemp)"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
dotnet "$dll" cross-instance --scenario Group1 --peer "$peer" --round-seconds 10 --out "$report" > "$log" 2>&1 &
bench=$!
trap 'kill $bench 2>/dev/null || true; rm -f "$log" "$report"' EXIT

# The warm-up round's line comes first; the first measured round starts right after it and lasts 10 s.
for _ in $(seq 1 600); do grep -q 'messages/s' "$log" && break; sleep 0.1; done
grep -q 'messages/s' "$log" || { echo "No warm-up within 60 s:" >&2; cat "$log" >&2; exit 1; }
sleep 1
redis=$(pgrep -n -P "$bench" redis-server || pgrep -n redis-server)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
a0=$(cpu "$bench"); r0=$(cpu "$redis"); t0=$(date +%s.%N)
if [ -n "$perf_out" ]; then perf record -a -g -F 999 -o "$perf_out" -- sleep 6 >/dev/null 2>&1; else sleep 6; fi
a1=$(cpu "$bench"); r1=$(cpu "$redis"); t1=$(date +%s.%N)
for _ in $(seq 1 300); do [ "$(grep -c 'messages/s' "$log")" -ge 2 ] && break; sleep 0.1; done
rate=$(grep 'messages/s' "$log" | sed -n 2p | sed 's/.*: \([0-9,]*\) messages.*/\1/' | tr -d ,)
[ -n "$rate" ] || { echo "The measured round did not end:" >&2; cat "$log" >&2; exit 1; }
python3 - "$peer" "$rate" "$t0" "$t1" "$a0" "$a1" "$r0" "$r1" "$ticks" <<'EOF'
import sys
peer, rate, t0, t1, a0, a1, r0, r1, hz = sys.argv[1], *map(float, sys.argv[2:])
seconds = t1 - t0
messages = rate * seconds
dotnet, redis = (a1 - a0) / hz, (r1 - r0) / hz
print(f"{peer}: {rate:,.0f} msg/s; CPU per message: benchmark process {dotnet / messages * 1e6:.2f} µs, "
      f"redis-server {redis / messages * 1e6:.2f} µs, total {(dotnet + redis) / messages * 1e6:.2f} µs; "
      f"cores busy {(dotnet + redis) / seconds:.2f}")
EOF
