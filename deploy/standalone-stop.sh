#!/usr/bin/env bash
# Stops the standalone master and worker started by deploy/standalone-start.sh.
set -u
STATE="$(cd "$(dirname "$0")" && pwd)/.standalone"
for p in worker master; do
  if [ -f "$STATE/$p.pid" ]; then
    kill "$(cat "$STATE/$p.pid")" 2>/dev/null && echo "stopped $p"
    rm -f "$STATE/$p.pid"
  fi
done
