#!/usr/bin/env bash
# Time to exact sum-L1 <= 0.30 and <= 0.25 in a warm driver JVM: REPEATS + 1 full distributed
# trainings of CONF run one after another in one process (a `mode = distributed` sweep over seeds
# 0..REPEATS, as sweeps and long-lived drivers run them); the first (seed 0, JIT cold) is reported
# apart, then the median of the others. time-to-quality.sh measures fresh processes.
#   deploy/bench/time-to-quality-warm.sh REPEATS CONF [key=value ...]   (keys without gfn.)
# EVAL_EVERY (default 250) sets the learner steps between exact evaluations; TRAJECTORIES (default
# 32000) the budget of each training.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
repeats=$1
conf=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
shift 2
out=$(mktemp -d)
sets="\"train.eval-every\" = ${EVAL_EVERY:-250}, \"spark.plots\" = false"
for kv in "$@"; do sets="$sets, \"${kv%%=*}\" = \"${kv#*=}\""; done
cat > "$out/spec.conf" <<SPEC
sweep {
  base = "$conf"
  mode = distributed
  seeds = [$(seq -s, 0 "$repeats")]
  budget { trajectories = ${TRAJECTORIES:-32000} }
  set { $sets }
}
SPEC
"$ROOT/deploy/gfn" sweep "$out/spec.conf" --out "$out/sweep" >/dev/null
python3 - "$out/sweep" <<'PY'
import glob, json, os, statistics, sys
rows = []
for t in glob.glob(os.path.join(sys.argv[1], "trials", "*.json")):
    trial = json.load(open(t))
    run = glob.glob(os.path.join(t[:-5], "run-*"))[0]
    ms = [json.loads(l) for l in open(os.path.join(run, "metrics.jsonl")) if l.strip()]
    first = lambda th: next((m["wall_s"] for m in ms if m.get("exact_sum_l1", 9) <= th), float("nan"))
    s = json.load(open(os.path.join(run, "summary.json")))
    rows.append((trial["seed"], first(0.30), first(0.25), s["learner_steps"] / s["learn_s"], s["exact_sum_l1"]))
rows.sort()
for r in rows:
    print("seed %d%s: t(<=0.30) %.2fs  t(<=0.25) %.2fs  learner %.1f steps/s  final sum-L1 %.4f" % (r[0], " (cold JVM)" if r[0] == 0 else "", *r[1:]))
warm = rows[1:]
print("median of seeds 1-%d (warm): t(<=0.30) %.2fs  t(<=0.25) %.2fs  learner %.1f steps/s" % (
    len(warm), statistics.median(r[1] for r in warm), statistics.median(r[2] for r in warm), statistics.median(r[3] for r in warm)))
PY
