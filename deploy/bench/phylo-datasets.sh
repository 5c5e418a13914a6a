#!/usr/bin/env bash
# The parsimony preset on each shipped data set, through the main job (embedded local Spark, the
# executors rolling out trees), for a fixed number of trajectories each. Prints per data set the
# best and mean parsimony of the run, the distinct best topologies, trees/s and seconds, from the
# run's summary.json (compare with deploy/bench/dnapars.sh).
#   deploy/bench/phylo-datasets.sh TRAJECTORIES OUT_DIR [DS1 DS2 ...] [-- --set key=value ...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 TRAJECTORIES OUT_DIR [DSk ...] [-- --set key=value ...]" >&2; exit 2; }
n=$1; out=$2; shift 2
sets=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  sets+=("$1"); shift
done
[ ${#sets[@]} -gt 0 ] || sets=(DS1 DS2 DS3 DS4 DS5 DS6 DS7 DS8)
mkdir -p "$out"
printf "%-4s %8s %8s %9s %10s %8s %8s\n" set best mean distinct trajs trees/s seconds
for ds in "${sets[@]}"; do
  run="$out/$ds"
  "$ROOT/deploy/gfn" train "$ROOT/conf/phylo-ds1-parsimony.conf" --out "$run" --overwrite \
    --set env.phylo.dataset="$ds" --set train.trajectories="$n" --set train.eval-every=50 "${extra[@]}" \
    > "$out/$ds.log" 2>&1 || { echo "$ds failed: see $out/$ds.log" >&2; continue; }
  python3 - "$run/summary.json" "$ds" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
wall = s.get("wall_s", 0.0)
n = s.get("trajectories_trained", 0)
print(f"{sys.argv[2]:<4} {s['best_parsimony']:>8} {s['mean_parsimony']:>8.1f} {s['distinct_best_trees']:>9} "
      f"{n:>10} {n / wall if wall else 0:>8.1f} {wall:>8.0f}")
PY
done
