#!/usr/bin/env bash
# Classical maximum-parsimony reference for the phylogenetic task: PHYLIP dnapars (Debian package
# `phylip`; apt-get install phylip) on the shipped alignments, default search, gaps, ? and N
# given to it as missing data ('?', as the task treats them). Prints, per data set, the length
# dnapars reports, the Fitch score this project computes for dnapars's first best tree (the two
# must agree), and the seconds dnapars took.
#   deploy/bench/dnapars.sh [DS1 DS2 ...]          (default: DS1 … DS8)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v phylip >/dev/null || { echo "needs PHYLIP: apt-get install phylip" >&2; exit 2; }
jar=$(ls "$ROOT"/envs/target/gfn-envs-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  (cd "$ROOT" && mvn -B -q -ntp -pl envs -am install -DskipTests)
  jar=$(ls "$ROOT"/envs/target/gfn-envs-*.jar | head -1)
fi
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(DS1 DS2 DS3 DS4 DS5 DS6 DS7 DS8)
printf "%-4s %5s %5s %14s %22s %8s\n" set taxa sites dnapars_length fitch_of_dnapars_tree seconds
for ds in "${sets[@]}"; do
  work=$(mktemp -d)
  python3 "$ROOT/deploy/bench/phylip-infile.py" "$ROOT/data/phylo/$ds.fasta" "$work"
  start=$(date +%s.%N)
  (cd "$work" && printf 'Y\n' | phylip dnapars > dnapars.log 2>&1)
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  length=$(grep -m1 "requires a total of" "$work/outfile" | awk '{print $NF}')
  python3 - "$work" <<'PY'
import sys, re
work = sys.argv[1]
names = dict(line.rstrip('\n').split('\t') for line in open(work + '/names.tsv'))
tree = open(work + '/outtree').read().split(';')[0] + ';'
tree = re.sub(r"t\d{3}", lambda m: "'" + names[m.group(0)].replace("'", "''") + "'", tree.replace('\n', ''))
open(work + '/best.nwk', 'w').write(tree)
PY
  fitch=$(java -cp "$jar" org.gfn.envs.phylo.ScoreTree "$ROOT/data/phylo/$ds.fasta" "$work/best.nwk")
  taxa=$(head -1 "$work/infile" | awk '{print $1}')
  sites=$(head -1 "$work/infile" | awk '{print $2}')
  printf "%-4s %5s %5s %14s %22s %8.1f\n" "$ds" "$taxa" "$sites" "$length" "$fitch" "$seconds"
  rm -rf "$work"
done
