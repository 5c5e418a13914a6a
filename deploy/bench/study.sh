# Sourced by the study scripts (not run alone): sets ROOT and out (the script's OUT_DIR argument,
# else a fresh temporary folder), builds once before runs go in parallel, and defines
#   run NAME DONE_PATTERN ARGS...
# which runs `deploy/gfn local ARGS` into $out/NAME.out unless that file already holds a finished
# run (a line matching DONE_PATTERN), so a rerun resumes an interrupted study.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
run() {
  local name=$1 done=$2
  shift 2
  [ -s "$out/$name.out" ] && grep -q "$done" "$out/$name.out" && return 0
  "$ROOT/deploy/gfn" local "$@" > "$out/$name.out" 2>&1
}
"$ROOT/deploy/gfn" local --help > /dev/null
