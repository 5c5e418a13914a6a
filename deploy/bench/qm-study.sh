#!/usr/bin/env bash
# Quantile matching (Zhang et al. 2023) against FM, DB and TB at equal budget, 3 seeds, two runs at
# a time; prints the docs/results.md tables (final exact sum-L1 / TV, trajectories to a sum-L1 bar).
#   HyperGrid 8^4 (conf/hypergrid-8x4-tb.conf: 2x256, Adam 1e-3, batch 16, 32,000 trajectories);
#   HyperGrid 20^4 hard (gfnx hard reward R0 = 1e-4, R1 = 1, R2 = 3; same network, 32,000 trajectories,
#     exact evaluation every 250 steps);
#   8^4 with a stochastic reward (gfn.env.hypergrid.reward-noise = 1: observed R = R * lognormal noise
#     of mean one; TB, FM, QM, and QM acting risk-averse on CVaR 0.25).
#   deploy/bench/qm-study.sh [OUT_DIR]     (runs already in OUT_DIR are kept)
set -euo pipefail
source "$(dirname "$0")/study.sh"
small="$ROOT/conf/hypergrid-8x4-tb.conf --set train.eval-every=250"
hard="$ROOT/conf/hypergrid-20x4-tb.conf --set env.hypergrid.r0=1e-4 --set env.hypergrid.r1=1.0 --set env.hypergrid.r2=3.0
  --set sampler.epsilon=0 --set train.trajectories=32000 --set train.eval-every=250"
noisy="$small --set env.hypergrid.reward-noise=1"
done="traj    32000"
for seed in 1 2 3; do
  for obj in TB DB FM QM; do
    run qm-8-$obj-$seed "$done" $small --set objective.name=$obj --set run.seed=$seed &
    run qm-20-$obj-$seed "$done" $hard --set objective.name=$obj --set run.seed=$seed; wait
  done
  for obj in TB FM QM; do run qm-noisy-$obj-$seed "$done" $noisy --set objective.name=$obj --set run.seed=$seed & done
  run qm-noisy-QMcvar-$seed "$done" $noisy --set objective.name=QM --set objective.qm.distortion=cvar \
    --set objective.qm.eta=0.25 --set run.seed=$seed; wait
done
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
pat = re.compile(r"traj\s+(\d+) .*exact sum-L1 ([0-9.]+) TV ([0-9.]+)")
def fmt(xs, d):
    xs = [x for x in xs if x is not None]
    if not xs: return "not reached"
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}" if len(xs) > 1 else f"{xs[0]:.{d}f}"
for task, objs, bar in (("8", ("TB", "DB", "FM", "QM"), 0.5), ("20", ("TB", "DB", "FM", "QM"), 1.0),
                        ("noisy", ("TB", "FM", "QM", "QMcvar"), 0.5)):
    print(f"\n{task}: | objective | final exact sum-L1 | final exact TV | trajectories to sum-L1 <= {bar} | wall s |")
    for obj in objs:
        fin, tv, t, wall = [], [], [], []
        for seed in (1, 2, 3):
            lines = open(os.path.join(out, f"qm-{task}-{obj}-{seed}.out")).read().splitlines()
            rows = [pat.search(l) for l in lines if pat.search(l)]
            fin.append(float(rows[-1].group(2))); tv.append(float(rows[-1].group(3)))
            t.append(next((int(r.group(1)) for r in rows if float(r.group(2)) <= bar), None))
            secs = [float(m.group(1)) for l in lines for m in [re.search(r"\|\s+([0-9.]+)s \|", l)] if m]
            wall.append(secs[-1] if secs else None)
        print(f"| {obj} | {fmt(fin, 3)} | {fmt(tv, 3)} | {fmt(t, 0)} ({sum(x is not None for x in t)}/3) | {fmt(wall, 0)} |")
    print(f"\n{task}: | objective | exact TV at 4,000 | 8,000 | 16,000 | 32,000 trajectories |")
    for obj in objs:
        at = {4000: [], 8000: [], 16000: [], 32000: []}
        for seed in (1, 2, 3):
            for l in open(os.path.join(out, f"qm-{task}-{obj}-{seed}.out")):
                m = pat.search(l)
                if m and int(m.group(1)) in at: at[int(m.group(1))].append(float(m.group(3)))
        print(f"| {obj} | " + " | ".join(fmt(at[k], 3) for k in (4000, 8000, 16000, 32000)) + " |")
PY
