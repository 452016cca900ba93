#!/usr/bin/env bash
# The real-browser check of `sdvp serve` (not part of the test suite): Debian's Chromium headless shell and
# chromedriver, driven by Selenium, open every kind of page of a run, fail on any console error, and save a
# screenshot of each (docs/serve.md shows them).
#
#   scripts/serve-screenshots.sh [RUNS_DIR] [SHOTS_DIR]
#
# RUNS_DIR: the folder to serve (default: a synthetic experiment written to a temporary folder);
# SHOTS_DIR: where the PNGs go (default: docs/serve). Installs the two Debian packages when missing (root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-}"
SHOTS="$(realpath -m "${2:-$ROOT/docs/serve}")"
if [ -n "$RUNS" ]; then RUNS="$(realpath "$RUNS")"; fi

if ! command -v chromium-headless-shell >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "installing chromium-headless-shell and chromium-driver (apt-get)" >&2
  apt-get update -qq && apt-get install -y -qq chromium-headless-shell chromium-driver >&2
fi

cd "$ROOT"
./mvnw -B -q -pl sdvp-serve -am -Pbrowser test -Dtest=BrowserCheck -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsdvp.serve.runs="$RUNS" -Dsdvp.serve.shots="$SHOTS" \
  -Dsdvp.serve.chrome="$(command -v chromium-headless-shell)" -Dsdvp.serve.driver="$(command -v chromedriver)"
echo "screenshots: $SHOTS" >&2
