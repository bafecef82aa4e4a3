#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. release build (warnings are errors), every ctest test; then the
#      Debian package built from it, installed with apt-get, smoke-tested and
#      removed (tests/package/deb.sh; as root only);
#   2. AddressSanitizer + UndefinedBehaviorSanitizer build, every ctest test again;
#   3. libFuzzer build, every fuzz target replays its regressions and runs a
#      short smoke fuzz (WINNOW_FUZZ_SECONDS, default 20 s per target).
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
ctest --preset asan -j "$jobs"

step "fuzz targets: regressions and a ${WINNOW_FUZZ_SECONDS:-20} s smoke run each"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
tests/fuzz/run.sh "${WINNOW_FUZZ_SECONDS:-20}"
