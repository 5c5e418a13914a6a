#!/usr/bin/env bash
# TB against the variational baselines RKL and FKL (Malkin et al., ICLR 2023) on the HyperGrid
# 8^4 preset (2x256, Adam 1e-3, log Z lr 0.1, batch 16, 32,000 trajectories, on-policy), 3 seeds,
# two runs at a time; prints the docs/results.md table: final exact sum-L1, TV and |log Z error|,
# and the trajectories at which exact sum-L1 first reached 0.5 and 0.3, mean ± sd over seeds.
#   deploy/bench/vi-baselines.sh [OUT_DIR]     (runs already in OUT_DIR are kept)
set -euo pipefail
source "$(dirname "$0")/study.sh"
conf="$ROOT/conf/hypergrid-8x4-tb.conf --set train.eval-every=250"
for seed in 1 2 3; do
  run vi-TB-$seed "traj    32000" $conf --set run.seed=$seed &
  run vi-RKL-$seed "traj    32000" $conf --set objective.name=RKL --set run.seed=$seed; wait
done
for seed in 1 2 3; do run vi-FKL-$seed "traj    32000" $conf --set objective.name=FKL --set run.seed=$seed & done; wait
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
pat = re.compile(r"traj\s+(\d+) .*exact sum-L1 ([0-9.]+) TV ([0-9.]+) .*\|logZ err\| ([0-9.]+)")
def fmt(xs, d):
    xs = [x for x in xs if x is not None]
    if not xs: return "not reached"
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}" if len(xs) > 1 else f"{xs[0]:.{d}f}"
print("| objective | final exact sum-L1 | final exact TV | final abs. log Z error | trajectories to sum-L1 ≤ 0.5 | to ≤ 0.3 |")
print("| --- | --- | --- | --- | --- | --- |")
for obj in ("TB", "RKL", "FKL"):
    fin, tv, dz, t5, t3 = [], [], [], [], []
    for seed in (1, 2, 3):
        rows = [pat.search(l) for l in open(os.path.join(out, f"vi-{obj}-{seed}.out")) if pat.search(l)]
        fin.append(float(rows[-1].group(2))); tv.append(float(rows[-1].group(3))); dz.append(float(rows[-1].group(4)))
        first = lambda bar: next((int(r.group(1)) for r in rows if float(r.group(2)) <= bar), None)
        t5.append(first(0.5)); t3.append(first(0.3))
    reached = lambda xs: f"{fmt(xs, 0)} ({sum(x is not None for x in xs)}/3 seeds)"
    print(f"| {obj} | {fmt(fin, 3)} | {fmt(tv, 3)} | {fmt(dz, 3)} | {reached(t5)} | {reached(t3)} |")
PY
