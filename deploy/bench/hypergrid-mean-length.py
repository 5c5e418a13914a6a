#!/usr/bin/env python3
"""Mean trajectory length (actions, the exit included) of HyperGrid under its target distribution R,
exactly, for the torchgfn "original" reward. Usage: hypergrid-mean-length.py [DIM HEIGHT R0 R1 R2]
(default 4 8 0.1 0.5 2.0). A trained policy's trajectories approach this length."""
import itertools
import sys

dim, height = (int(a) for a in (sys.argv[1:3] or [4, 8]))
r0, r1, r2 = (float(a) for a in (sys.argv[3:6] or [0.1, 0.5, 2.0]))
total = weighted = 0.0
for x in itertools.product(range(height), repeat=dim):
    a = [abs(v / (height - 1) - 0.5) for v in x]
    r = r0 + r1 * all(0.25 < t <= 0.5 for t in a) + r2 * all(0.3 < t < 0.4 for t in a)
    total += r
    weighted += r * (sum(x) + 1)
print("mean length under R: %.3f actions" % (weighted / total))
