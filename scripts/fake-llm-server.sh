#!/usr/bin/env bash
# Starts a chat-completions server on 127.0.0.1 that serves canned VisProg programs, for checking
# `sdvp eval --programs llm` end to end without a real model. Options (all optional):
#   --port N          listen on N (default: a free port, printed)
#   --replies FILE    JSON lines {"question": "...", "program": "..."}: program per exact question text
#   --task T --data DIR [--split S]
#                     serve the dataset's own program for each question text (reproduces the
#                     --programs dataset score through the whole LLM path)
#   --program-file FILE
#                     with --task/--data: JSON lines {"id", "program"} (e.g. the native ViperGPT programs of
#                     org.sdvp.viper.convert.WorldViperPrograms), served for each id's question text
#   --invalid-first   answer each new question first with an invalid program (exercises re-asking)
# Requests from the ViperGPT prompts (--framework viper) get Python programs (docs/llm.md).
# Example:
#   scripts/fake-llm-server.sh --port 18080 &
#   ./sdvp eval --task gqa-sim --data data/gqa-sim --modules oracle --limit 50 --out /tmp/r.json \
#       --programs llm --llm-base-url http://127.0.0.1:18080/v1 --llm-model fake --llm-cache /tmp/c.jsonl
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/sdvp-cli/target/lib"
# the launcher rebuilds the CLI (and so target/lib) when it is missing or older than the sources
"$ROOT/sdvp" --version >/dev/null
exec java -cp "$LIB/*" org.sdvp.llm.fake.FakeLlmServer "$@"
