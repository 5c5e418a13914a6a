# Sourced by deploy/gfn and .ci/run: picks OpenBLAS's kernels from the CPU's flags.
# ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, whose run-time CPU detection does not know recent Intel
# server cores (Sapphire Rapids and later): it falls back to its generic "Prescott" SSE3 kernels,
# 3-4x slower GEMMs (docs/benchmarks.md, "OpenBLAS kernels"). A value set by the user wins; a core
# is only named when the CPU has every instruction set its kernels use.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ "$(uname -m)" = x86_64 ] && [ -r /proc/cpuinfo ]; then
  _gfn_flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  _gfn_has() { for f in "$@"; do case "$_gfn_flags" in *" $f "*) ;; *) return 1 ;; esac; done; }
  if _gfn_has avx512f avx512cd avx512bw avx512dq avx512vl; then
    export OPENBLAS_CORETYPE=SKYLAKEX
  elif _gfn_has avx2 fma; then
    export OPENBLAS_CORETYPE=HASWELL
  fi
  unset -f _gfn_has
  unset _gfn_flags
fi
