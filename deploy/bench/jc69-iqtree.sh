#!/usr/bin/env bash
# Cross-check of the JC69 likelihood (org.gfn.envs.likelihood) against IQ-TREE 2 (Debian package
# `iqtree`; apt-get install iqtree): a random rooted tree with branch lengths in [0.005, 0.12] over
# a data set's taxa (Python's random.Random(SEED): seed 7 on DS1 is the tree of
# envs/src/test/resources/ds1-random-tree.nwk), its log-likelihood computed here and by
# `iqtree2 -te TREE -m JC -blfix` (topology and branch lengths fixed). Prints both.
#   deploy/bench/jc69-iqtree.sh [DS1 [SEED]]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v iqtree2 >/dev/null || { echo "needs IQ-TREE 2: apt-get install iqtree" >&2; exit 2; }
ds=${1:-DS1}
seed=${2:-7}
(cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl envs package -DskipTests)
jar=$(ls "$ROOT"/envs/target/gfn-envs-*.jar | head -1)
work=$(mktemp -d)
python3 - "$ROOT/data/phylo/$ds.fasta" "$seed" > "$work/tree.nwk" <<'PY'
import random, sys
names = [l[1:].strip().split()[0] for l in open(sys.argv[1]) if l.startswith('>')]
rnd = random.Random(int(sys.argv[2]))
nodes = [f"{n}:{rnd.uniform(0.005, 0.12):.4f}" for n in names]
while len(nodes) > 2:
    i, j = sorted(rnd.sample(range(len(nodes)), 2))
    b = nodes.pop(j); a = nodes.pop(i)
    nodes.append(f"({a},{b}):{rnd.uniform(0.005, 0.12):.4f}")
print(f"({nodes[0]},{nodes[1]});")
PY
ours=$(java -cp "$jar" org.gfn.envs.likelihood.TreeLikelihood "$ROOT/data/phylo/$ds.fasta" "$work/tree.nwk")
(cd "$work" && iqtree2 -s "$ROOT/data/phylo/$ds.fasta" -te tree.nwk -m JC -blfix -nt 1 --prefix jc -quiet > /dev/null 2>&1)
theirs=$(grep -i "log-likelihood of the tree" "$work/jc.iqtree" | awk '{print $5}')
echo "$ds seed $seed: this project $ours, IQ-TREE 2 $theirs (tree: $work/tree.nwk)"
