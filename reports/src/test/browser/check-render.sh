#!/usr/bin/env bash
# Renders the fixture reports, opens index.html and two test pages in headless Chromium and
# checks that the screenshots are not blank, that the pages load nothing from the network and
# that the test pages carry their timeline SVG. Not part of `mvn verify`.
#
# Usage: reports/src/test/browser/check-render.sh [<out-dir>]   (default: a new temp dir)
# Needs: chromium (apt-get install -y chromium), python3, mvn.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../../.." && pwd)
root=$(cd "$module/.." && pwd)
out=${1:-$(mktemp -d -t interleave-render.XXXXXX)}
mkdir -p "$out"
fixtures="$module/src/test/resources/fixtures/run"

echo "== building and rendering $fixtures into $out"
(cd "$root" && mvn -q -pl framework,reports -am package dependency:build-classpath \
  -DskipTests -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt)
classpath="$module/target/classes:$(cat "$module/target/runtime-classpath.txt")"
java -cp "$classpath" dev.interleave.reports.cli.RenderReport "$fixtures" "$out"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

page_for() { grep -o "href=\"[^\"]*$1[^\"]*\.html\"" "$out/index.html" | head -1 | cut -d'"' -f2; }

shoot() {
  local page=$1 png=$2 profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --screenshot="$png" --window-size=1280,1600 "file://$out/$page" >/dev/null 2>&1 || true
  rm -rf "$profile"
  [[ -s "$png" ]] || { fail "no screenshot of $page"; return; }
  python3 "$here/png_check.py" "$png" || fail "$page renders blank"
}

racy=$(page_for CounterTest_lostUpdate)
deadlock=$(page_for TransferTest_opposingTransfers)
[[ -n "$racy" && -n "$deadlock" ]] || fail "index.html does not link the fixture tests"

echo "== screenshots"
shoot index.html "$out/index.png"
shoot "$racy" "$out/racy-counter.png"
shoot "$deadlock" "$out/deadlock.png"

echo "== page source"
for page in "$racy" "$deadlock"; do
  grep -q '<svg[^>]*class="timeline"' "$out/$page" || fail "$page has no timeline <svg"
done
grep -q '<svg[^>]*class="wait-for"' "$out/$deadlock" || fail "$deadlock has no wait-for <svg"
if grep -il '<script' "$out"/*.html; then fail "pages contain <script"; fi
if grep -o 'https\?://[^"]*' "$out"/*.html | grep -v 'http://www.w3.org/2000/svg$'; then
  fail "pages reference the network"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed; output in $out" >&2
  exit 1
fi
echo "OK: screenshots in $out (index.png, racy-counter.png, deadlock.png)"
