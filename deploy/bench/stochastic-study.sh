#!/usr/bin/env bash
# Stochastic transitions (Stochastic GFlowNets, Pan et al. 2023): on HyperGrid 8^4 whose moves the
# environment replaces by a uniformly random legal move with probability p (gfn.env.random-action),
# stochastic DB (SDB, learned dynamics model) against naive TB and DB, which train as if the executed
# moves were the policy's own choices. conf/hypergrid-8x4-tb.conf (2x256, Adam 1e-3, log Z lr 0.1,
# batch 16, 32,000 trajectories, exact evaluation every 250 steps), p = 0.25 and 0.5, 3 seeds, the
# three objectives of a seed at a time. Exact metrics are those of the true terminal distribution of policy + dynamics.
#   deploy/bench/stochastic-study.sh [OUT_DIR]     (runs already in OUT_DIR are kept)
set -euo pipefail
source "$(dirname "$0")/study.sh"
conf="$ROOT/conf/hypergrid-8x4-tb.conf --set train.eval-every=250"
done="traj    32000"
for p in 0.25 0.5; do
  for seed in 1 2 3; do
    run st-$p-SDB-$seed "$done" $conf --set env.random-action=$p --set objective.name=SDB --set run.seed=$seed &
    run st-$p-DB-$seed "$done" $conf --set env.random-action=$p --set objective.name=DB --set run.seed=$seed &
    run st-$p-TB-$seed "$done" $conf --set env.random-action=$p --set objective.name=TB --set run.seed=$seed; wait
  done
done
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
pat = re.compile(r"traj\s+(\d+) .*exact sum-L1 ([0-9.]+) TV ([0-9.]+)")
def fmt(xs, d):
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}"
print("| p | objective | exact TV at 8,000 | at 16,000 | at 32,000 (final) |")
print("| --- | --- | --- | --- | --- |")
for p in ("0.25", "0.5"):
    for obj in ("TB", "DB", "SDB"):
        at = {8000: [], 16000: [], 32000: []}
        for seed in (1, 2, 3):
            for l in open(os.path.join(out, f"st-{p}-{obj}-{seed}.out")):
                m = pat.search(l)
                if m and int(m.group(1)) in at: at[int(m.group(1))].append(float(m.group(3)))
        print(f"| {p} | {obj} | {fmt(at[8000], 3)} | {fmt(at[16000], 3)} | {fmt(at[32000], 3)} |")
PY
