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

# Debian's /usr/bin/chromium-headless-shell is a shell wrapper that runs /usr/lib/chromium/chromium-headless-shell
# without exec. chromedriver's quit ends the process it started -- the wrapper's shell -- and the browser under it
# lived on, orphaned, with its zygote and renderers. So chromedriver is given the binary the wrapper runs.
CHROME="$(command -v chromium-headless-shell)"
if [ "$(head -c 2 "$CHROME")" = "#!" ]; then
  REAL="$(grep -oE '/[^ "]*/chromium-headless-shell' "$CHROME" | head -1 || true)"
  if [ -n "$REAL" ] && [ -x "$REAL" ]; then
    echo "browser: $REAL (the binary the wrapper $CHROME runs)" >&2
    CHROME="$REAL"
  fi
fi

cd "$ROOT"
# The check runs in a session of its own (setsid): Maven, the test JVM, chromedriver, Chromium and Chromium's
# helpers all carry its session id, even once orphaned. Should anything outlive the check all the same (a browser
# that hangs on quit, a Ctrl-C in the middle), on every exit (success, failure, Ctrl-C) this script ends what is
# left of that session, by process id, and says what it ended.
CHECK=""
session_left() { ps -eo pid=,sid=,comm= | awk -v s="$CHECK" '$2 == s'; }
end_session() {
  local rc=$? left pids
  if [ -n "$CHECK" ]; then
    left="$(session_left)"
    if [ -n "$left" ]; then
      echo "ending processes the check left: $(echo "$left" | awk '{print $1 "(" $3 ")"}' | tr '\n' ' ')" >&2
      pids="$(echo "$left" | awk '{print $1}')"
      # shellcheck disable=SC2086
      kill -TERM $pids 2>/dev/null || true
      sleep 2
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
    sleep 1
    if [ -n "$(session_left)" ]; then
      echo "still running after SIGKILL:" >&2; session_left >&2; rc=1
    else
      echo "no process of the check is left (ps, session $CHECK)" >&2
    fi
  fi
  exit "$rc"
}
trap end_session EXIT
trap 'exit 130' INT TERM
setsid --wait ./mvnw -B -q -pl sdvp-serve -am -Pbrowser test -Dtest=BrowserCheck -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsdvp.serve.runs="$RUNS" -Dsdvp.serve.shots="$SHOTS" \
  -Dsdvp.serve.chrome="$CHROME" -Dsdvp.serve.driver="$(command -v chromedriver)" &
CHECK=$!
wait "$CHECK"
echo "screenshots: $SHOTS" >&2
