#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. release build (warnings are errors), every ctest test; then the
#      Debian package built from it, installed with apt-get, smoke-tested and
#      removed (tests/package/deb.sh; as root only);
#   2. AddressSanitizer + UndefinedBehaviorSanitizer build, every ctest test
#      again (the fuzz targets' regressions and seeds among them, replayed by
#      tests/fuzz/replay_main.cpp) but the four whole-system ones the release
#      pass ran (a Slurm cluster, kill -9 at 50 moments, the progress line's
#      timing, an installed consumer project): they test processes, not memory;
#   3. with WINNOW_FUZZ_SECONDS=N (N > 0), the libFuzzer build (clang) and N
#      seconds of fuzzing per target. CI leaves it out: a third build of the
#      library would take CI past its 25 minutes; tests/fuzz/campaign.sh is the
#      long run.
# Timing never decides a test here; benchmarks live in bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
step() { printf '\n=== %s\n' "$*"; }

step "release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

step "Debian package: cpack, apt-get install ./winnow_*.deb, smoke test, apt-get remove"
tests/package/deb.sh build

step "ASan + UBSan build and tests"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs" -E '^(cli\.dedup_stages_slurm|cli\.index_crash|cli\.progress_modes|install\.consumer)$'

fuzz_seconds=${WINNOW_FUZZ_SECONDS:-0}
if ((fuzz_seconds > 0)); then
  step "fuzz targets: regressions and a ${fuzz_seconds} s run each"
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$jobs"
  tests/fuzz/run.sh "$fuzz_seconds"
fi
