#!/usr/bin/env bash
# TB against TB + GAFlowNet intrinsic rewards (random network distillation, edge-based, decay 1 and
# 0.998 per step) on the sparse 32 x 32 HyperGrid (reward 1 on its 3 far corners' targets, 1e-12
# elsewhere), 16,000 trajectories, evaluations every 100 steps, 3 seeds, two runs at a time.
# Prints the docs/results.md table: modes found after 3,200 / 6,400 / 9,600 / 16,000 trajectories
# and the exact TV at 16,000, mean ± sd over seeds.
#   deploy/bench/gafn-sparse.sh [OUT_DIR]     (runs already in OUT_DIR are kept)
set -euo pipefail
source "$(dirname "$0")/study.sh"
grid="$ROOT/conf/hypergrid-8x4-tb.conf --set env.hypergrid.reward=sparse --set env.hypergrid.dim=2 --set env.hypergrid.height=32 --set train.trajectories=16000 --set train.eval-every=100"
gafn="--set explore.intrinsic.enabled=true"
for seed in 1 2 3; do
  run g-tb-$seed "traj    16000" $grid --set run.seed=$seed &
  run g-gafn-$seed "traj    16000" $grid $gafn --set run.seed=$seed; wait
done
for seed in 1 2 3; do
  run g-decay-$seed "traj    16000" $grid $gafn --set explore.intrinsic.decay=0.998 --set run.seed=$seed &
  [ $seed = 2 ] && wait
done; wait
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
pat = re.compile(r"traj\s+(\d+) \|\s+([0-9.]+)s .* TV ([0-9.]+) .*modes found (\d+)/(\d+)")
def fmt(xs, d):
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}"
print("| method | modes found at 3,200 | 6,400 | 9,600 | 16,000 trajectories | exact TV at 16,000 | wall s |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for m, label in (("tb", "TB"), ("gafn", "TB + GAFN (edge, decay 1)"), ("decay", "TB + GAFN (edge, decay 0.998)")):
    at = {3200: [], 6400: [], 9600: [], 16000: []}
    tv, wall = [], []
    for seed in (1, 2, 3):
        rows = {int(r.group(1)): r for r in (pat.search(l) for l in open(os.path.join(out, f"g-{m}-{seed}.out"))) if r}
        for k in at: at[k].append(int(rows[k].group(4)))
        tv.append(float(rows[16000].group(3))); wall.append(float(rows[16000].group(2)))
    total = rows[16000].group(5)
    print(f"| {label} | " + " | ".join(f"{fmt(at[k], 1)} / {total}" for k in at) + f" | {fmt(tv, 3)} | {fmt(wall, 0)} |")
PY
