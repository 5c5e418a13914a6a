#!/usr/bin/env bash
# CP-SAT references (OR-Tools, module deploy/cpsat) and greedy baselines of the graph problems on
# generated instances, cached per instance in a TSV file (rerunning reuses the cached rows).
#   deploy/bench/cpsat-reference.sh PROBLEM INSTANCE SEEDS [CACHE.tsv] [-- more options]
#   e.g. deploy/bench/cpsat-reference.sh mis rb-small 1-8 references.tsv -- --time-limit 60
# Options: --time-limit SECONDS (30), --workers N (2), --nodes / --edge-probability (er), --file (file).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 3 ] || { echo "usage: $0 PROBLEM INSTANCE SEEDS [CACHE.tsv] [-- options]" >&2; exit 2; }
problem=$1; instance=$2; seeds=$3; shift 3
cache=()
if [ $# -gt 0 ] && [ "$1" != "--" ]; then cache=(--cache "$1"); shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
cd "$ROOT"
cpfile=$(mktemp); log=$(mktemp)
trap 'rm -f "$cpfile" "$log"' EXIT
build() { mvn -B -q -ntp "$@" > "$log" 2>&1 || { cat "$log" >&2; echo "build failed: mvn $*" >&2; exit 1; }; }
build -pl deploy/cpsat -am install -DskipTests
build -pl deploy/cpsat dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile")
java -cp "deploy/cpsat/target/classes:$cp" org.gfn.cpsat.ReferenceCli --problem "$problem" --instance "$instance" \
  --seeds "$seeds" "${cache[@]}" "$@"
