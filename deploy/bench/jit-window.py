#!/usr/bin/env python3
"""JIT compilation around the learner's first steps, from a JFR recording of a training run.

  JH=$(dirname $(dirname $(readlink -f $(which java))))
  deploy/bench/jit-window.py jfc $JH/lib/jfr/profile.jfc > /tmp/comp.jfc   # JFR's profile settings
      # with every compilation recorded (the profile records only those over 100 ms)
  JAVA_OPTS="-Xmx6g -XX:StartFlightRecording=filename=/tmp/c.jfr,settings=/tmp/comp.jfc" \\
    deploy/gfn train conf/hypergrid-8x4-tb-fast.conf --out /tmp/c --set train.eval-every=250 \\
    --set spark.plots=false --set train.trajectories=12000   # not the first train after a build:
      # that one writes deploy/gfn's class archive at exit, and its recording came out empty here
  jfr print --json --events jdk.Compilation /tmp/c.jfr > /tmp/c.json
  deploy/bench/jit-window.py /tmp/c.json [ANCHOR_METHOD_SUFFIX] [BEFORE_S] [AFTER_S]

Prints the compile time (seconds of compiler threads, by tier) from BEFORE_S (default 0.8) before
to AFTER_S (default 2.6) after the first compilation of a method ending in ANCHOR_METHOD_SUFFIX
(default Nd4jMlp.forward, compiled within the learner's first steps), and the largest C2
compilations of this project's code in that window.
"""
import json
import re
import sys
from collections import defaultdict
from datetime import datetime


def seconds(iso_duration):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", iso_duration)
    return int(m.group(1) or 0) * 60 + float(m.group(2)) if m else 0.0


def jfc(profile):
    """JFR's profile settings with the jdk.Compilation threshold at 0 ms."""
    text = open(profile).read()
    return re.sub(r'(<event name="jdk.Compilation">.*?<setting name="threshold"[^>]*>)[^<]*', r"\g<1>0 ms", text,
                  flags=re.S)


def main():
    if sys.argv[1] == "jfc":
        sys.stdout.write(jfc(sys.argv[2]))
        return
    path = sys.argv[1]
    anchor = sys.argv[2] if len(sys.argv) > 2 else "Nd4jMlp.forward"
    before = float(sys.argv[3]) if len(sys.argv) > 3 else 0.8
    after = float(sys.argv[4]) if len(sys.argv) > 4 else 2.6
    rows = []
    for e in json.load(open(path))["recording"]["events"]:
        v = e["values"]
        method = v["method"]["type"]["name"].replace("/", ".") + "." + v["method"]["name"]
        start = datetime.fromisoformat(v["startTime"][:26]).timestamp()
        rows.append((start, seconds(v["duration"]), v["compileLevel"], method, v["isOsr"]))
    t0 = min(r[0] for r in rows if r[3].endswith(anchor))
    window = [r for r in rows if t0 - before <= r[0] <= t0 + after]
    by_tier = defaultdict(float)
    for r in window:
        by_tier[r[2]] += r[1]
    print("compilation from %.1f s before to %.1f s after the first %s: %.2f s (%s)" % (
        before, after, anchor, sum(by_tier.values()),
        ", ".join("tier %d %.2f s" % (k, by_tier[k]) for k in sorted(by_tier))))
    ours = sorted((r for r in window if r[2] == 4 and ".gfn." in r[3]), key=lambda r: -r[1])[:10]
    for start, duration, _, method, osr in ours:
        print("  %+6.2f s  %.3f s  %s%s" % (start - t0, duration, method, " (on-stack replacement)" if osr else ""))


if __name__ == "__main__":
    main()
