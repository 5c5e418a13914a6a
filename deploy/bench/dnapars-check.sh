#!/usr/bin/env bash
# Scores a run's best sampled trees with PHYLIP dnapars (Debian package `phylip`), an independent
# program: dnapars's user-tree mode on the same alignment, gaps, ? and N as missing data ('?', as
# the task treats them). Prints, per tree of RUN_DIR/best_trees.tsv, the score the run recorded
# and the length dnapars computes; the two must agree.
#   deploy/bench/dnapars-check.sh ALIGNMENT.fasta RUN_DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 ALIGNMENT.fasta RUN_DIR" >&2; exit 2; }
command -v phylip >/dev/null || { echo "needs PHYLIP: apt-get install phylip" >&2; exit 2; }
fasta=$1
trees="$2/best_trees.tsv"
[ -f "$fasta" ] || { echo "no alignment $fasta" >&2; exit 2; }
[ -f "$trees" ] || { echo "no $trees (a phylo run writes it)" >&2; exit 2; }
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
python3 "$(dirname "$0")/phylip-infile.py" "$fasta" "$work"
python3 - "$trees" "$work" <<'PY'
import re, sys
trees, work = sys.argv[1:]
code = {name: short for short, name in (line.rstrip('\n').split('\t') for line in open(work + '/names.tsv'))}
rows = [line.rstrip('\n').split('\t') for line in open(trees)][1:]
with open(work + '/intree', 'w') as f, open(work + '/recorded', 'w') as r:
    for score, newick in rows:
        # Newick labels: bare, or quoted with '' for a quote
        label = r"'(?:[^']|'')*'|[^(),:;\s]+"
        f.write(re.sub(label, lambda m: code[m.group(0)[1:-1].replace("''", "'") if m.group(0).startswith("'") else m.group(0)], newick) + "\n")
        r.write(score + "\n")
PY
# several user trees: dnapars asks for a random-number seed (for its tests between trees)
(cd "$work" && printf 'U\nY\n7\n' | phylip dnapars > dnapars.log 2>&1)
grep "requires a total of" "$work/outfile" | awk '{print $NF}' | sed 's/\.000$//' > "$work/dnapars"
[ "$(wc -l < "$work/dnapars")" -eq "$(wc -l < "$work/recorded")" ] || { echo "dnapars scored $(wc -l < "$work/dnapars") trees of $(wc -l < "$work/recorded"); see its log" >&2; cat "$work/dnapars.log" >&2; exit 1; }
printf "%-6s %9s %9s\n" tree recorded dnapars
paste "$work/recorded" "$work/dnapars" | awk '{printf "%-6d %9s %9s%s\n", NR, $1, $2, ($1 == $2 ? "" : "   DIFFERENT"); if ($1 != $2) bad = 1} END {exit bad}'
