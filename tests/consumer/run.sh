#!/usr/bin/env bash
# tests/consumer/run.sh BUILD_DIR [CXX_FLAGS] [LINKER_FLAGS]
#
# `cmake --install BUILD_DIR` into a temporary prefix must put the binary, the
# man page (gzipped), the bash completion, the docs (profiles/README.md), the
# headers, the library and its CMake package in place, and a project outside
# the tree (tests/consumer/) must find it with
# find_package(winnow), link winnow::winnow and run; and a project that
# add_subdirectory()s winnow must configure (tests/consumer/subdirectory/). The flags are the
# build's own (a sanitizer build's library needs the sanitizer at link time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh BUILD_DIR [CXX_FLAGS] [LINKER_FLAGS]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/winnow share/man/man1/winnow.1.gz share/bash-completion/completions/winnow \
  share/doc/winnow/profiles/README.md share/doc/winnow/LICENSE include/winnow/dedup.hpp include/winnow/extract.hpp; do
  [[ -f $work/prefix/$f ]] || fail "not installed: $f"
done
config=$(find "$work/prefix" -name winnowConfig.cmake)
[[ -n $config ]] || fail "no winnowConfig.cmake installed"
[[ -f $(dirname "$config")/winnowConfigVersion.cmake ]] || fail "no winnowConfigVersion.cmake"
[[ -n $(find "$work/prefix" -name libwinnow.a) ]] || fail "no libwinnow.a installed"
"$work/prefix/bin/winnow" --version | grep -q '^winnow ' || fail "installed winnow --version"

cmake -S "$here" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_CXX_FLAGS="${2:-}" -DCMAKE_EXE_LINKER_FLAGS="${3:-}" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log"; fail "find_package(winnow)"; }
cmake --build "$work/consumer" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "building against winnow::winnow"; }
out=$("$work/consumer/consumer") || fail "the consumer exited $?"
expected=$'Winnow consumer check\nThe installed library cleaned this page and found its words through the package config that CMake wrote, so that another program can link it like any other library.\ngroups 1'
[[ $out == "$expected" ]] || fail "consumer printed: $out"
echo "ok: installed into a temporary prefix; find_package(winnow) and winnow::winnow work"

# add_subdirectory(): paths relative to winnow's own tree, not the host's.
cmake -S "$here/subdirectory" -B "$work/host" -G Ninja -DWINNOW_SOURCE="$here/../.." >"$work/host.log" 2>&1 \
  || { cat "$work/host.log"; fail "configuring a project that add_subdirectory()s winnow"; }
# The target list is read whole first: with pipefail, grep -q's early exit
# would fail the pipeline through ninja's SIGPIPE.
targets=$(ninja -C "$work/host" -t targets all)
grep -q '^consumer:' <<<"$targets" || fail "the host project has no consumer target"
if grep -q '^winnow_tests:\|^extract_bench:\|^clean_page:' <<<"$targets"; then
  fail "tests, benches or examples built under add_subdirectory"
fi
ninja -C "$work/host" winnow/generated/builtin_profiles.cpp >/dev/null || fail "embedding the profiles from a host project"
echo "ok: add_subdirectory(winnow) gives winnow::winnow, without the tests, benches and examples"
