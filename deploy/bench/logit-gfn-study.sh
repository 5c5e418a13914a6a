#!/usr/bin/env bash
# TB vs TB + local search (LS-GFN) vs temperature-conditional TB (Logit-GFN, and its layer-
# conditioning baseline) on TFBind8 and QM9 block strings at an equal budget of 48,000 trajectories,
# 3 seeds each, two runs at a time; plus separate TB models trained at beta = 2 and 3 (the task's
# reward exponent times beta: R^beta has the same normalised target). Prints the two tables of
# docs/results.md: modes found / best-100 reward / diversity against trajectories, and exact TV
# at beta = 1, 2, 3 of one conditional model vs one model per beta.
#   deploy/bench/logit-gfn-study.sh [OUT_DIR]     (runs already in OUT_DIR are kept)
set -euo pipefail
source "$(dirname "$0")/study.sh"
budget="--set train.trajectories=48000 --set train.eval-every=1000"
ls="--set explore.local-search.enabled=true --set explore.local-search.revisions=3"
logit="--set conditioning.temperature.enabled=true"
tf="$ROOT/conf/tfbind8-tb.conf"
qm="$ROOT/conf/qm9str-tb.conf"
for seed in 1 2 3; do
  s="--set run.seed=$seed"
  run s-tf-tb-$seed "sequence result" "$tf" $budget $s &
  run s-tf-ls-$seed "sequence result" "$tf" $budget $ls --set explore.local-search.backtrack-steps=4 $s; wait
  run s-qm-tb-$seed "sequence result" "$qm" $budget $s &
  run s-qm-ls-$seed "sequence result" "$qm" $budget $ls --set explore.local-search.backtrack-steps=3 $s; wait
  run s-tf-logit-$seed "sequence result" "$tf" $budget $logit $s &
  run s-tf-layer-$seed "sequence result" "$tf" $budget $logit --set conditioning.temperature.mode=layer $s; wait
  run s-qm-logit-$seed "sequence result" "$qm" $budget $logit $s &
  run s-qm-layer-$seed "sequence result" "$qm" $budget $logit --set conditioning.temperature.mode=layer $s; wait
  run s-tf-beta2-$seed "sequence result" "$tf" $budget --set env.tfbind8.beta=6 $s &
  run s-tf-beta3-$seed "sequence result" "$tf" $budget --set env.tfbind8.beta=9 $s; wait
  run s-qm-beta2-$seed "sequence result" "$qm" $budget --set env.qm9str.beta=10 $s &
  run s-qm-beta3-$seed "sequence result" "$qm" $budget --set env.qm9str.beta=15 $s; wait
done
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
prog = re.compile(r"traj\s+(\d+) .*? TV ([0-9.]+) .*top-K found (\d+)/(\d+) \| top-100 R ([0-9.]+) div ([0-9.]+)")
beta = re.compile(r"TV at beta 1 ([0-9.]+) \(logZ err ([0-9.]+)\) 2 ([0-9.]+) \(logZ err ([0-9.]+)\) 3 ([0-9.]+) \(logZ err ([0-9.]+)\)")
def fmt(xs, d):
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}"
def lines(name):
    return open(os.path.join(out, name + ".out")).read().splitlines()
tasks = (("tf", "TFBind8"), ("qm", "QM9"))
methods = (("tb", "TB"), ("ls", "TB + LS"), ("logit", "Logit-GFN"), ("layer", "layer-conditioned"))
print("| task | method | trajectories | top-K found | best-100 mean R | best-100 diversity |")
print("| --- | --- | --- | --- | --- | --- |")
for task, label in tasks:
    for method, mlabel in methods:
        rows = {}
        for seed in (1, 2, 3):
            for line in lines(f"s-{task}-{method}-{seed}"):
                m = prog.search(line)
                if m and int(m.group(1)) % 16000 == 0:
                    rows.setdefault(int(m.group(1)), []).append(m.groups())
        for traj in sorted(rows):
            r = rows[traj]
            print(f"| {label} | {mlabel} | {traj:,} | {fmt([int(x[2]) for x in r], 1)} / {r[0][3]} | "
                  f"{fmt([float(x[4]) for x in r], 3)} | {fmt([float(x[5]) for x in r], 2)} |")
print()
print("| task | beta | Logit-GFN (one model) | layer-conditioned (one model) | one TB model per beta | Logit-GFN abs. log Z(beta) error |")
print("| --- | --- | --- | --- | --- | --- |")
def last(name, pat):
    return [pat.search(l) for l in lines(name) if pat.search(l)][-1]
for task, label in tasks:
    for k, b in enumerate((1, 2, 3)):
        logit = [float(last(f"s-{task}-logit-{s}", beta).group(1 + 2 * k)) for s in (1, 2, 3)]
        dz = [float(last(f"s-{task}-logit-{s}", beta).group(2 + 2 * k)) for s in (1, 2, 3)]
        layer = [float(last(f"s-{task}-layer-{s}", beta).group(1 + 2 * k)) for s in (1, 2, 3)]
        sep = [float(last(f"s-{task}-{'tb' if b == 1 else 'beta%d' % b}-{s}", prog).group(2)) for s in (1, 2, 3)]
        print(f"| {label} | {b} | {fmt(logit, 3)} | {fmt(layer, 3)} | {fmt(sep, 3)} | {fmt(dz, 3)} |")
PY
