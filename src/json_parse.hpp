// Parsing JSON that may be hostile: every RapidJSON parse in winnow goes
// through parse_json (private to src/).
//
// The problem: RapidJSON's default parser recurses once per nesting level,
// so 200k `[` on one JSONL line, in a page's JSON-LD or on the first line of
// a text (which input detection tries as JSON) overflow the stack and kill
// the whole run with SIGSEGV. The DOM it builds is walked recursively too
// (Writer::Accept, winnow's own JSON-LD walk).
//
// The method: RapidJSON's iterative parser (kParseIterativeFlag, a heap
// stack instead of the call stack), fed to the Document through a handler
// that counts the nesting and stops the parse past kMaxJsonDepth levels, so
// that no DOM deeper than that exists for anything to recurse into. Real
// JSON-LD and JSONL records nest under ten levels.
//
// The cost: the iterative parser runs at the speed of the recursive one; the
// depth count is an increment per object or array.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace winnow {

inline constexpr unsigned kMaxJsonDepth = 256;

struct JsonParseResult {
  bool ok = false;
  bool too_deep = false;         // stopped at kMaxJsonDepth
  std::size_t error_offset = 0;  // byte offset of the error, when !ok
  std::string error;             // "Missing a name for object member.", "nested deeper than 256 levels"
};

// Parses `text` into `doc` (which is left Null on failure).
JsonParseResult parse_json(rapidjson::Document& doc, std::string_view text);

}  // namespace winnow
