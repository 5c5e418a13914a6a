#!/usr/bin/env bash
# TB against TB + local search (LS-GFN) on TFBind8 and QM9 block strings at an equal trajectory
# budget (revisions count as samples), 3 seeds each, two runs at a time; then the table of
# docs/results.md: true top-K found, best-100 mean reward and diversity at 16k / 32k / 48k
# trajectories and the final exact TV, mean ± sd over seeds.
#   deploy/bench/local-search-study.sh [OUT_DIR]     (runs missing from OUT_DIR are run first)
set -euo pipefail
source "$(dirname "$0")/study.sh"
budget="--set train.trajectories=48000 --set train.eval-every=1000"
ls="--set explore.local-search.enabled=true --set explore.local-search.revisions=3"
for seed in 1 2 3; do
  run s-tf-tb-$seed "sequence result" "$ROOT/conf/tfbind8-tb.conf" $budget --set run.seed=$seed &
  run s-tf-ls-$seed "sequence result" "$ROOT/conf/tfbind8-tb.conf" $budget $ls --set explore.local-search.backtrack-steps=4 --set run.seed=$seed
  wait
  run s-qm-tb-$seed "sequence result" "$ROOT/conf/qm9str-tb.conf" $budget --set run.seed=$seed &
  run s-qm-ls-$seed "sequence result" "$ROOT/conf/qm9str-tb.conf" $budget $ls --set explore.local-search.backtrack-steps=3 --set run.seed=$seed
  wait
done
python3 - "$out" <<'PY'
import re, statistics, sys, os
out = sys.argv[1]
pat = re.compile(r"traj\s+(\d+) .*TV ([0-9.]+) .*top-K found (\d+)/(\d+) \| top-100 R ([0-9.]+) div ([0-9.]+)")
def fmt(xs, d):
    return f"{statistics.mean(xs):.{d}f} ± {statistics.stdev(xs):.{d}f}"
print("| task | method | trajectories | top-K found | best-100 mean R | best-100 diversity | exact TV |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for task, label in (("tf", "TFBind8"), ("qm", "QM9")):
    for method, mlabel in (("tb", "TB"), ("ls", "TB + LS")):
        rows = {}
        for seed in (1, 2, 3):
            for line in open(os.path.join(out, f"s-{task}-{method}-{seed}.out")):
                m = pat.search(line)
                if m:
                    rows.setdefault(int(m.group(1)), []).append(m.groups())
        for traj in sorted(rows):
            r = rows[traj]
            k = r[0][3]
            print(f"| {label} | {mlabel} | {traj:,} | {fmt([int(x[2]) for x in r], 1)} / {k} | "
                  f"{fmt([float(x[4]) for x in r], 3)} | {fmt([float(x[5]) for x in r], 2)} | {fmt([float(x[1]) for x in r], 3)} |")
PY
