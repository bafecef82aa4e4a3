#!/usr/bin/env bash
# tests/package/deb.sh BUILD_DIR: the Debian package, as a user gets it.
#
# Builds the .deb from BUILD_DIR (`cpack -G DEB`), installs it with
# `apt-get install -y ./winnow_*.deb` (apt resolves the dependencies that
# dpkg-shlibdeps wrote), then checks what a newcomer's first minutes need:
# `winnow --version`, `man -w winnow`, the bash completion (sourced alone,
# `complete -p winnow`), the licence and the profile format under
# /usr/share/doc/winnow/; and removes the package, which must take the
# binary with it. It changes the machine's packages, so it runs as root only
# (CI; run_all.sh calls it after the release build) and says "skip" otherwise.
set -euo pipefail
build=$(cd "${1:?usage: deb.sh BUILD_DIR}" && pwd)
if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
  echo "skip: the package test installs a .deb: it needs root and apt-get"
  exit 0
fi
if dpkg-query -W -f='${Status}' winnow 2>/dev/null | grep -q 'install ok installed'; then
  echo "skip: a winnow package is already installed; this test would replace and then remove it"
  exit 0
fi
work=$(mktemp -d)
chmod 755 "$work"  # apt reads the .deb as its _apt user
installed=false
cleanup() {
  if $installed; then apt-get remove -y winnow >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

(cd "$build" && cpack -G DEB -B "$work") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
cd "$work"
debs=(winnow_*.deb)
[[ -f ${debs[0]} ]] || fail "cpack wrote no winnow_*.deb"
ok "built ${debs[0]}"
dpkg-deb -f "${debs[0]}" Depends | grep -q 'libgumbo' || fail "Depends lacks the shared libraries (shlibdeps): $(dpkg-deb -f "${debs[0]}" Depends)"
ok "Depends from shlibdeps: $(dpkg-deb -f "${debs[0]}" Depends)"

export DEBIAN_FRONTEND=noninteractive
installed=true
apt-get install -y ./winnow_*.deb >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install -y ./winnow_*.deb"; }
ok "apt-get install -y ./${debs[0]}"

version=$(/usr/bin/winnow --version) || fail "winnow --version exited $?"
[[ $version == "winnow "* ]] || fail "winnow --version printed: $version"
ok "winnow --version: $version"

page=$(man -w winnow) || fail "man -w winnow found no page"
[[ $page == /usr/share/man/man1/winnow.1.gz ]] || fail "man -w winnow: $page"
gzip -t "$page" || fail "the man page is not gzip"
ok "man -w winnow: $page"

completion=$(bash -c 'source /usr/share/bash-completion/completions/winnow; complete -p winnow') \
  || fail "complete -p winnow after sourcing the completion"
[[ $completion == *"-F _winnow winnow" ]] || fail "complete -p winnow: $completion"
offered=$(bash -c 'source /usr/share/bash-completion/completions/winnow; COMP_WORDS=(winnow dedup --emit u); COMP_CWORD=3; _winnow; echo "${COMPREPLY[*]}"')
[[ $offered == unique ]] || fail "the installed completion offers \"$offered\" for winnow dedup --emit u"
ok "completion: $completion"

for doc in copyright README.md profiles/README.md; do
  [[ -s /usr/share/doc/winnow/$doc ]] || fail "not installed: /usr/share/doc/winnow/$doc"
done
grep -q '^License: Expat' /usr/share/doc/winnow/copyright || fail "the copyright file names no licence"
ok "docs: /usr/share/doc/winnow/{copyright,README.md,profiles/README.md}"

apt-get remove -y winnow >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get remove -y winnow"; }
installed=false
[[ ! -e /usr/bin/winnow ]] || fail "apt-get remove left /usr/bin/winnow"
ok "apt-get remove -y winnow removed /usr/bin/winnow"
