#!/usr/bin/env bash
# Stops the standalone master and worker started by deploy/standalone-start.sh.
set -u
STATE="$(cd "$(dirname "$0")" && pwd)/.standalone"
for p in worker master; do
  if [ -f "$STATE/$p.pid" ]; then
    pid=$(cat "$STATE/$p.pid")
    if kill "$pid" 2>/dev/null; then
      for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      echo "stopped $p (pid $pid)"
    else
      echo "$p (pid $pid) was not running"
    fi
    rm -f "$STATE/$p.pid"
  fi
done
