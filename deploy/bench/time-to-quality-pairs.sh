#!/usr/bin/env bash
# Two builds (or two JVM settings) compared in alternating fresh-process runs, as this machine's
# speed drifts by ±20 % within minutes: A, B, A, B, ... PAIRS times, each run `deploy/gfn train CONF`
# of that checkout (its own build and class archive), evaluations every 250 learner steps.
#   deploy/bench/time-to-quality-pairs.sh PAIRS CHECKOUT_A CHECKOUT_B CONF [--set key=value ...]
# A_OPTS / B_OPTS: JAVA_OPTS of each side (default -Xmx6g; the same checkout twice compares JVM
# settings). Prints per run the wall seconds of training at learner step 750 and until exact
# sum-L1 <= 0.30, the final sum-L1 and the process seconds, then each side's medians. Run each
# checkout's `deploy/gfn train` once before: the first run after a build writes the class archive.
# To time only the first 12,000 trajectories (step 750 at batch 16): --set train.trajectories=12000.
set -euo pipefail
pairs=$1
a=$(cd "$2" && pwd)
b=$(cd "$3" && pwd)
conf=$4
shift 4
out=$(mktemp -d)
for i in $(seq 1 "$pairs"); do
  for side in A B; do
    dir=$a opts=${A_OPTS:--Xmx6g}
    [ "$side" = B ] && dir=$b opts=${B_OPTS:--Xmx6g}
    start=$(date +%s%N)
    (cd "$dir" && JAVA_OPTS="$opts" deploy/gfn train "$conf" --out "$out/$side$i" --set train.eval-every=250 \
      --set spark.plots=false "$@" >/dev/null 2>&1)
    echo "$side $(( ($(date +%s%N) - start) / 1000000 ))" >> "$out/process_ms"
  done
done
python3 - "$out" "$pairs" <<'PY'
import json, os, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
process = {}
for line in open(os.path.join(out, "process_ms")):
    side, ms = line.split()
    process.setdefault(side, []).append(int(ms) / 1000)
cols = {"A": [], "B": []}
for i in range(1, n + 1):
    for side in "AB":
        d = os.path.join(out, f"{side}{i}")
        ms = [json.loads(l) for l in open(os.path.join(d, "metrics.jsonl")) if l.strip()]
        s = json.load(open(os.path.join(d, "summary.json")))
        step750 = next((m["wall_s"] for m in ms if m["learner_step"] == 750), float("nan"))
        first = next((m["wall_s"] for m in ms if m.get("exact_sum_l1", 9) <= 0.30), float("nan"))
        row = (step750, first, s["exact_sum_l1"], process[side][i - 1])
        cols[side].append(row)
        print("%s run %d: step 750 at %.2f s  t(<=0.30) %.2f s  final sum-L1 %.4f  process %.1f s" % (side, i, *row))
for side in "AB":
    med = [statistics.median(c) for c in zip(*cols[side])]
    print("%s median: step 750 at %.2f s  t(<=0.30) %.2f s  final sum-L1 %.4f  process %.1f s" % (side, *med))
PY
