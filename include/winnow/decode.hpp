// Stage: make a record's bytes UTF-8 and tell what they are.
//
// Everything after this stage assumes valid UTF-8 (Gumbo only takes UTF-8, RE2
// and utf8proc are run in UTF-8 mode), so this is the one place that deals
// with encodings and with inputs that are not text at all.
//
//   std::string problem;
//   if (!winnow::decode_document(doc, &problem)) report(doc.id, problem);  // skip it
//   // doc.body is now UTF-8, doc.format is Text or Html, doc.charset says what it was
#pragma once

#include <string>
#include <string_view>

#include "winnow/document.hpp"

namespace winnow {

// Text or HTML, by content: a doctype, or an <html>/<head>/<body> tag, or a
// high share of markup near the start makes HTML.
InputFormat sniff_format(std::string_view bytes);

// True when `bytes` looks like binary data rather than text (NUL bytes or a
// high share of control characters in the first kilobytes).
bool looks_binary(std::string_view bytes);

// True when `s` is valid UTF-8 (RFC 3629: no overlongs, surrogates or code
// points past U+10FFFF).
bool is_valid_utf8(std::string_view s);
// `s` with every invalid byte replaced by U+FFFD, the repair the text gets:
// applied by the output stage to every string a record carries (ids from
// file names, WARC headers, a JSONL input's own fields), so strict JSON
// readers never meet an invalid byte.
std::string repaired_utf8(std::string_view s);

// Converts doc.body to UTF-8 in place, sets doc.format and doc.charset.
// Returns false, with a reason for people in *problem, when the record cannot
// be used (empty, binary, undecodable).
bool decode_document(Document& doc, std::string* problem);

}  // namespace winnow
