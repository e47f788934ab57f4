#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to the PublicAPI.Unshipped.txt of its project,
# in dependency order. Review the diff: a public API change should be deliberate. Removed symbols (RS0017) are
# reported by the build and must be deleted from the files by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/LiveTemplate.Typed src/LiveTemplate.Typed.Redis src/LiveTemplate.Typed.AspNetCore; do
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$project/$file" ] || printf '#nullable enable\n' > "$project/$file"
  done
  missing=$(dotnet build "$project" -f net10.0 --no-incremental -nologo 2>&1 \
    | grep -F "$project/" | grep -oE "RS0016: Symbol '.*' is not part of the declared public API" \
    | sed -E "s/RS0016: Symbol '(.*)' is not part of the declared public API/\1/" | sort -u || true)
  if [ -n "$missing" ]; then
    { grep -v '^#nullable' "$project/PublicAPI.Unshipped.txt" || true; echo "$missing"; } | sort -u > /tmp/public-api.$$
    { echo '#nullable enable'; cat /tmp/public-api.$$; } > "$project/PublicAPI.Unshipped.txt"
    rm -f /tmp/public-api.$$
  fi
  echo "$project: $(grep -vc '^#nullable' "$project/PublicAPI.Unshipped.txt") unshipped symbols"
done
