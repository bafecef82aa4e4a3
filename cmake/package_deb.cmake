# The Debian package: `cpack -G DEB` in a build directory writes
# winnow_VERSION_ARCH.deb.
#
# What it holds is the install component "program" only: /usr/bin/winnow,
# the man page (gzipped at build time), the bash completion in
# /usr/share/bash-completion/completions/winnow, and /usr/share/doc/winnow/
# (README.md, profiles/README.md, the licence and the Debian copyright file).
# The static library and its headers are for building against winnow, from
# source (`cmake --install`), not for a user's machine.
#
# Dependencies are not listed by hand: dpkg-shlibdeps (dpkg-dev) reads the
# binary's shared libraries and names the packages that provide them, so
# the list cannot drift from what the build links. The binary is stripped
# (its debug info is most of its size).
set(CPACK_PACKAGE_NAME winnow)
set(CPACK_PACKAGE_VENDOR "winnow authors")
set(CPACK_PACKAGE_CONTACT "winnow authors <winnow@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "clean scraped web corpora: boilerplate, metadata, near-duplicates")
set(CPACK_PACKAGE_DESCRIPTION
    "winnow strips boilerplate from text dumps and HTML pages, extracts their metadata (title, date, place, sources, speakers, figures) and finds near-duplicates with MinHash and LSH, verified exactly. It reads files, directories, WARC and JSONL, plain, gzip or zstd, and writes JSONL, TSV, CSV, markdown or the clean text.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL program)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS bash-completion)
include(CPack)
