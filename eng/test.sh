#!/usr/bin/env bash
# Runs every test of the repository. Installs what the tests need when it is missing, from Debian's packages
# (redis-server for the broadcaster tests, golang-go for the Go wire-interop test, chromium and chromium-driver
# for the browser test, which drives /usr/bin/chromium and never downloads a browser), builds the whole solution
# (samples and benchmarks included: `dotnet test` alone builds only test projects), then runs `dotnet test` on it.
# Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_packages=()
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v go >/dev/null 2>&1 || need_packages+=(golang-go)
[ -x /usr/bin/chromium ] || need_packages+=(chromium chromium-driver)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} (needed by the tests)..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# dotnet test builds only the test projects; build the whole solution first so that the samples and the benchmarks
# (tests/LiveTemplate.Typed.Benchmarks, run by eng/bench.sh, never here) keep compiling without warnings.
dotnet build LiveTemplate.Typed.sln -nologo -v quiet
dotnet test LiveTemplate.Typed.sln "$@"
