// Stage: write records. One JSON object per line (JSONL), or the clean text.
//
// Field names and meanings are documented in man/winnow.1 (OUTPUT FIELDS).
// Serialisation goes through RapidJSON's Writer, which escapes control
// characters and keeps UTF-8 as is; floating-point values are written with
// the shortest representation that round-trips, so output is byte-identical
// across runs. String values are escaped by hand (append_json_string and the
// Writer share one routine), the same bytes as the Writer writes, several
// times faster (the article text is most of every record); keys, ASCII
// literals of ours, are copied as they are.
//
//   std::string line = winnow::document_json(doc);   // no trailing newline
#pragma once

#include <string>
#include <string_view>

#include "winnow/dedup.hpp"
#include "winnow/document.hpp"

namespace winnow {

std::string document_json(const Document& doc);

// Appends `s` as a JSON string literal, quotes included, escaped exactly as
// RapidJSON's Writer escapes it: `"` and `\` by a backslash, the control
// bytes below 0x20 as \b \t \n \f \r or \u00XX, every other byte (UTF-8
// included) as is.
//
//   std::string out;
//   winnow::append_json_string(out, "a \"b\"\n");   // out == R"("a \"b\"\n")"
void append_json_string(std::string& out, std::string_view s);

// A dedup verdict for one record: id, urls, group, original, scores, and
// the rule that chose the group's original (original_reason_name(); null
// when unique).
struct DedupVerdictView {
  const std::string& id;
  const DedupRecord& record;
  const std::string& original_id;
  const std::string* group_name;  // null when unique
  const std::string& url;            // "" when unknown: null in the JSON
  const std::string& canonical_url;  // likewise
  const char* original_reason = nullptr;
};
std::string dedup_record_json(const DedupVerdictView& v);
// A record of a pair or group: its id and fetched url ("" when unknown).
struct DedupMemberView {
  const std::string& id;
  const std::string& url;
};
std::string dedup_pair_json(const DedupMemberView& a, const DedupMemberView& b, const DedupPair& pair);
// `member_urls` parallel to `members`; original_reason: original_reason_name()
// of the group (left out when null).
std::string dedup_group_json(const std::string& name, const DedupMemberView& original,
                             const std::vector<std::string>& members, const std::vector<std::string>& member_urls,
                             const char* original_reason = nullptr);

}  // namespace winnow
