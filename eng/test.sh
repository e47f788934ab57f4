#!/usr/bin/env bash
# Runs every test of the repository: the .NET tests, then the browser client's (clients/browser: npm ci from the npm
# registry, tsc --strict on the generated declarations, the client against real host processes). Installs what the tests need when it is missing, from Debian's packages
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
command -v npm >/dev/null 2>&1 || need_packages+=(nodejs npm)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} (needed by the tests)..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# The browser client's packages (typescript, esbuild: build tools only) from the lock file.
npm ci --prefix clients/browser --no-audit --no-fund

# dotnet test builds only the test projects; build the whole solution first so that the samples and the benchmarks
# (tests/LiveTemplate.Typed.Benchmarks, run by eng/bench.sh, never here) keep compiling without warnings. The check
# mode fails the build when a committed live-actions.d.ts is not what the C# actions generate (docs/browser-client.md).
dotnet build LiveTemplate.Typed.sln -nologo -v quiet -p:LiveTemplateBrowserDeclarationsCheck=true
dotnet test LiveTemplate.Typed.sln "$@"

# The client: build, size budget, tsc --strict on the generated declarations, tests against the test host process.
npm test --prefix clients/browser
