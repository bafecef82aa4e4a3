# Turns the JSON site profiles into a C++ source so the binary carries them.
# Raw string literals keep the JSON readable in the generated file.
set(body "// Generated from profiles/*.json by cmake/embed_profiles.cmake. Do not edit.\n#include <string_view>\n#include <vector>\nnamespace winnow {\nstd::vector<std::string_view> builtin_profile_sources() {\n  return {\n")
separate_arguments(files UNIX_COMMAND "${IN}")
list(SORT files)
foreach(f ${files})
  file(READ ${f} content)
  string(APPEND body "    R\"winnowjson(${content})winnowjson\",\n")
endforeach()
string(APPEND body "  };\n}\n}  // namespace winnow\n")
file(WRITE ${OUT} "${body}")
