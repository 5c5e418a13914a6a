#!/usr/bin/env python3
"""Scaling model of the distributed job: predicts rollout throughput, what bounds it and the
staleness on arrival for 1 ... 512 executors (one core each) from costs measured on this machine.

  deploy/bench/scaling-model.py fit MEASUREMENTS.csv [--costs-out FILE]   fit the costs; check held-out rows
  deploy/bench/scaling-model.py predict --costs FILE [--learner-steps S] [--batch B]
                                                                          the tables of docs/scaling.md
                                                                          (default 220 steps/s at batch 16)

MEASUREMENTS.csv (deploy/bench/scaling-measure.sh): executors, trajectories_per_task,
trajectories_per_s, ms_per_job, task_run_ms — rollout jobs alone (RolloutThroughput), one task of n
trajectories per executor. The model, for a job of E tasks:

  task on an executor:        t_task(n) = b + n * c_roll                    (Spark's executor run time)
  the job's driver side:      t_drv(E, n) = a + a_task * (E - 1) + E * n * c_ingest
  one job at a time (sync):   T = t_task + t_drv,  throughput E * n / T
  K >= 2 jobs in flight:      throughput = min(E * n / t_task, E * n / t_drv, L)

b is a task's fixed cost (snapshot deserialisation, evaluator set-up), c_roll one trajectory's
rollout, a a job's fixed cost on the driver (scheduling, launch, result handling), a_task what each
further task adds, c_ingest one trajectory's collection on the driver. L = learner steps/s x batch /
samples-per-insert is what the learner consumes; past it the surplus ages in the queue and is
dropped at max-staleness. Staleness on arrival is about (t_task + t_drv) x learner steps/s +
broadcast-every / 2 learner steps.
"""
import csv
import json
import sys


def read(path):
    with open(path) as f:
        return [dict(e=int(r["executors"]), n=int(r["trajectories_per_task"]), tps=float(r["trajectories_per_s"]),
                     ms=float(r["ms_per_job"]), run=float(r["task_run_ms"])) for r in csv.DictReader(f)]


def least_squares(xs, ys):
    k = len(xs[0])
    m = [[sum(x[i] * x[j] for x in xs) for j in range(k)] + [sum(x[i] * y for x, y in zip(xs, ys))] for i in range(k)]
    for c in range(k):
        p = max(range(c, k), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(k):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return [m[i][k] / m[i][i] for i in range(k)]


def t_task(c, n):
    return c["b_s"] + n * c["c_roll_s"]


def t_drv(c, e, n):
    return c["a_s"] + c["a_task_s"] * (e - 1) + e * n * c["c_ingest_s"]


def fit(path, out=None):
    rows = read(path)
    sizes = sorted({r["n"] for r in rows})
    held = set(sizes[1:-1])
    used = [r for r in rows if r["n"] not in held]
    b, c_roll = least_squares([(1.0, r["n"]) for r in used], [r["run"] / 1000 for r in used])
    a, a_task, c_ingest = least_squares([(1.0, r["e"] - 1.0, r["e"] * r["n"]) for r in used],
                                        [(r["ms"] - r["run"]) / 1000 for r in used])
    c = dict(b_s=b, c_roll_s=c_roll, a_s=a, a_task_s=a_task, c_ingest_s=c_ingest)
    print(f"fitted on task sizes {sizes[0]:,} and {sizes[-1]:,}: b = {b * 1000:.1f} ms per task, c_roll = "
          f"{c_roll * 1e6:.1f} us per trajectory ({1 / c_roll:,.0f}/s per executor core); a = {a * 1000:.1f} ms per job, "
          f"a_task = {a_task * 1000:.1f} ms per further task, c_ingest = {c_ingest * 1e6:.2f} us per trajectory on the driver")
    print("| executors | trajectories per task | measured trajectories/s | model | error |")
    print("| --- | --- | --- | --- | --- |")
    worst = 0
    for r in rows:
        p = r["e"] * r["n"] / (t_task(c, r["n"]) + t_drv(c, r["e"], r["n"]))
        err = p / r["tps"] - 1
        worst = max(worst, abs(err)) if r["n"] in held else worst
        note = " (held out)" if r["n"] in held else ""
        print(f"| {r['e']} | {r['n']:,}{note} | {r['tps']:,.0f} | {p:,.0f} | {err:+.1%} |")
    print(f"worst error on held-out rows: {worst:.1%}")
    if out:
        json.dump(c, open(out, "w"), indent=1)
    print(json.dumps(c))


def predict(c, learner_steps=220.0, batch=16, spi=1.0, broadcast_every=4):
    L = learner_steps * batch / spi
    print(f"learner consumption L = {L:,.0f} trajectories/s ({learner_steps:.0f} steps/s x batch {batch}); "
          f"async, 2 jobs in flight")
    print("| workload | executors | trajectories per task | rollout capacity /s | driver limit /s | delivered /s | "
          "bound by | staleness on arrival (steps) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, scale in (("HyperGrid 8^4", 1), ("100x costlier rollouts", 100)):
        cc = dict(c, c_roll_s=c["c_roll_s"] * scale)
        for e in (1, 2, 8, 64, 512):
            for n in (256, 4096):
                cap = e * n / t_task(cc, n)
                drv = e * n / t_drv(cc, e, n)
                x = min(cap, drv, L)
                bound = "rollouts" if x == cap else ("driver" if x == drv else "learner")
                stale = (t_task(cc, n) + t_drv(cc, e, n)) * learner_steps + broadcast_every / 2
                print(f"| {label} | {e} | {n:,} | {cap:,.0f} | {drv:,.0f} | {x:,.0f} | {bound} | {stale:.0f} |")


def main(argv):
    if len(argv) >= 2 and argv[0] == "fit":
        fit(argv[1], argv[3] if len(argv) == 4 and argv[2] == "--costs-out" else None)
    elif len(argv) in (3, 5, 7) and argv[0] == "predict" and argv[1] == "--costs":
        opts = dict(zip(argv[3::2], argv[4::2]))
        unknown = set(opts) - {"--learner-steps", "--batch"}
        if unknown:
            sys.exit("unknown option(s) " + ", ".join(sorted(unknown)) + "\n" + __doc__)
        predict(json.load(open(argv[2])), float(opts.get("--learner-steps", 220.0)), int(opts.get("--batch", 16)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
