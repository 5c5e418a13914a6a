#!/usr/bin/env bash
# What the cron entry runs: one sweep into a dated folder, one at a time (flock), with a log.
#   deploy/cron/run-sweep.sh SPEC SWEEPS_ROOT [extra deploy/gfn sweep arguments, e.g. --master URL]
# Each run writes SWEEPS_ROOT/<spec>-<date>/ (results.csv, results.parquet, summary.png, trials/)
# and SWEEPS_ROOT/<spec>-<date>.log. A run that finds the previous one still going exits 0.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
spec=$1
root=$2
shift 2
name=$(basename "$spec" .conf)
stamp=$(date +%Y%m%d-%H%M)
mkdir -p "$root"
exec 9>"$root/.$name.lock"
if ! flock -n 9; then
  echo "$(date -Is) previous $name sweep still running; skipping" >> "$root/$name.skipped.log"
  exit 0
fi
"$ROOT/deploy/gfn" sweep "$spec" --out "$root/$name-$stamp" "$@" > "$root/$name-$stamp.log" 2>&1
