# Turns one data file (IN) into a C++ source (OUT) defining
# std::string_view winnow::NAME(): the file's bytes, for data tables the
# binary must carry (profiles/excerpt_marks.tsv).
file(READ ${IN} content)
file(WRITE ${OUT} "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\n#include <string_view>\nnamespace winnow {\nstd::string_view ${NAME}() {\n  return R\"winnowtext(${content})winnowtext\";\n}\n}  // namespace winnow\n")
