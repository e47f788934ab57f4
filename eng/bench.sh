#!/usr/bin/env bash
# Runs the whole benchmark comparison of docs/benchmarks.md in one process, in a few minutes on 2 cores:
# serialization and hot-path micro-benchmarks (BenchmarkDotNet, in process), cross-instance throughput and latency of
# LiveTemplate.Typed, raw StackExchange.Redis and SignalR's Redis backplane on one redis-server, local fan-out,
# subscription scale, the source generator; end to end over real WebSockets against SignalR (two server processes per
# stack), and the Native AOT proof app's start-up and memory against its JIT build. Installs redis-server from
# Debian's packages when missing.
#
#   ./eng/bench.sh                       # everything; the report goes to artifacts/bench/report.md
#   ./eng/bench.sh --quick               # about a third of the time, for trying things out
#   ./eng/bench.sh cross-instance        # parts: serialization pipeline cross-instance topics topics-cluster fan-out
#                                        #        subscriptions generator websockets aot-startup history presence
#   ./eng/bench.sh websockets --baseline-server OTHER/tests/LiveTemplate.Typed.Benchmarks.Servers/Typed/bin/Release/net10.0/LiveTemplate.Typed.Benchmarks.TypedServer.dll
#                                        # the WebSockets part with another build of our server beside this one (A/B)
#   ./eng/bench.sh websockets --fan-out-only 1000   # only the group fan-out to 1,000 (with --baseline-server: a quick A/B)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (needed by the benchmarks)..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
fi

dotnet build tests/LiveTemplate.Typed.Benchmarks -c Release -v quiet -nologo
exec dotnet tests/LiveTemplate.Typed.Benchmarks/bin/Release/net10.0/LiveTemplate.Typed.Benchmarks.dll "$@"
