#!/usr/bin/env bash
# Fuzzes the config loader and the map importer for a bounded time each (default 60 s), in release, and
# prints the executions reached. Any panic fails and names the saved input. Usage: tests/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${1:-60}" cargo test --release --locked --no-default-features --lib fuzz -- --nocapture --test-threads 1 2>&1 \
  | grep -oE "fuzz [a-z-]+: [0-9]+ executions.*|test result.*|panicked.*"
