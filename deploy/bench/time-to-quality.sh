#!/usr/bin/env bash
# Wall-clock seconds until exact sum-L1 <= 0.30 and <= 0.25, learner steps/s and the driver's
# waiting share, for REPEATS runs of `deploy/gfn train CONF [--set ...]`, with medians.
#   deploy/bench/time-to-quality.sh REPEATS CONF [--set key=value ...]
# wall_s counts from the start of training (Spark session already up), as metrics.jsonl records it.
# EVAL_EVERY (default 25) sets the learner steps between exact evaluations.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
repeats=$1
shift
out=$(mktemp -d)
for i in $(seq 1 "$repeats"); do
  "$ROOT/deploy/gfn" train "$@" --out "$out/run$i" --set train.eval-every="${EVAL_EVERY:-25}" --set spark.plots=false >/dev/null
done
python3 - "$out" "$repeats" <<'PY'
import json, statistics, sys, os
out, n = sys.argv[1], int(sys.argv[2])
rows = []
for i in range(1, n + 1):
    d = os.path.join(out, f"run{i}")
    ms = [json.loads(l) for l in open(os.path.join(d, "metrics.jsonl")) if l.strip()]
    s = json.load(open(os.path.join(d, "summary.json")))
    def first(th):
        return next((m["wall_s"] for m in ms if m.get("exact_sum_l1", 9) <= th), float("nan"))
    rows.append((first(0.30), first(0.25), s["learner_steps"] / s["learn_s"], s["wait_share"], s["exact_sum_l1"], s["wall_s"]))
    print("run %d: t(<=0.30) %.1fs  t(<=0.25) %.1fs  learner %.1f steps/s  wait share %.3f  final sum-L1 %.4f in %.1fs" % (i, *rows[-1]))
med = [statistics.median(c) for c in zip(*rows)]
print("median: t(<=0.30) %.1fs  t(<=0.25) %.1fs  learner %.1f steps/s  wait share %.3f  final sum-L1 %.4f in %.1fs" % tuple(med))
PY
