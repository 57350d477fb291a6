#!/usr/bin/env bash
# Store the bundled seed articles and serve the web UI over them (what `make run` ends with).
# Usage: bash scripts/serve_seeds.sh [DB] [PORT]   (defaults: marsad.db, 8000; binds 127.0.0.1; Ctrl-C stops)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
DB="${1:-marsad.db}"
PORT="${2:-8000}"
"$BIN/marsad" ingest "$("$BIN/marsad" samples)" --db "$DB" --no-progress
echo "marsad: open http://127.0.0.1:$PORT/ in a browser (Ctrl-C to stop)"
exec "$BIN/marsad" serve --db "$DB" --port "$PORT"
