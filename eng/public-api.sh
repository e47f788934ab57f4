#!/usr/bin/env bash
# Brings every src/*/PublicAPI.Unshipped.txt in line with the code, in dependency order: adds the public symbols the
# build reports as undeclared (RS0016) and removes the declared ones that no longer exist (RS0017). Review the diff: a
# public API change should be deliberate. Symbols already in PublicAPI.Shipped.txt are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/LiveTemplate.Typed src/LiveTemplate.Typed.Redis src/LiveTemplate.Typed.AspNetCore; do
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$project/$file" ] || printf '#nullable enable\n' > "$project/$file"
  done
  report=$(dotnet build "$project" -f net10.0 --no-incremental -nologo 2>&1 | grep -F "$project/" || true)
  missing=$(echo "$report" | grep -oE "RS0016: Symbol '.*' is not part of the declared public API" \
    | sed -E "s/RS0016: Symbol '(.*)' is not part of the declared public API/\1/" | sort -u || true)
  removed=$(echo "$report" | grep -oE "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" \
    | sed -E "s/RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found/\1/" | sort -u || true)
  { grep -v '^#nullable' "$project/PublicAPI.Unshipped.txt" | grep -vxF -f <(printf '%s\n' "$removed") || true; \
    [ -n "$missing" ] && echo "$missing"; } | grep -v '^$' | sort -u > /tmp/public-api.$$ || true
  { echo '#nullable enable'; cat /tmp/public-api.$$; } > "$project/PublicAPI.Unshipped.txt"
  rm -f /tmp/public-api.$$
  echo "$project: $(grep -vc '^#nullable' "$project/PublicAPI.Unshipped.txt") unshipped symbols"
done
