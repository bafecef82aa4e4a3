// Two output formats for people rather than pipelines: CSV for a
// spreadsheet, markdown for reading or for a static site.
//
// The problem: trafilatura users expect both, and each has a trap. CSV has
// no single standard but RFC 4180, whose quoting (a field with a comma,
// quote or line break is quoted, quotes doubled) every spreadsheet and
// csv library reads; a writer that quotes nothing breaks on the first title
// with a comma. Markdown turns ordinary prose into markup: a paragraph that
// starts "1995." becomes a numbered list, "# " a heading, "*" and "_"
// emphasis, "<" an HTML tag.
//
// The method: csv_field() quotes only when needed and writes the value as
// TSV does otherwise (strings as they are, lists as compact JSON; the
// caller flattens), keeping TSV's \xHH for control characters other than
// tab, CR and LF, which quoting carries. The records end in CRLF, as RFC
// 4180 says (RecordFormatter adds the CR; the sink the LF).
// markdown_article() writes the title as a level-one heading when the clean
// text starts with it, then each further line of the text as a paragraph,
// escaping with a backslash every character CommonMark could read as markup
// there. The text has no inner headings or lists to keep: the extractor
// gives paragraphs.
//
// The cost: one pass over each value or line, beside the JSON the record is
// derived from (CSV) or nothing (markdown reads the text directly).
#include "text_formats.hpp"

#include <cctype>
#include <fmt/format.h>

namespace winnow {
namespace {

// Any other C0 control, DEL, or a C1 control (C2 80-9F) as text.
void append_visible(std::string& out, std::string_view raw, std::size_t& i) {
  const char c = raw[i];
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
  else if (c == '\xC2' && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) < 0xA0)
    out += fmt::format("\\u00{:02x}", static_cast<unsigned char>(raw[++i]));
  else out += c;
}

// A line's start that CommonMark reads as a block: heading, quote, list
// item, thematic break, numbered item ("1995. " or "3) ").
bool starts_block(std::string_view line) {
  if (line.empty()) return false;
  char c = line[0];
  if (c == '#' || c == '>' || c == '-' || c == '+' || c == '*' || c == '=' || c == '|' || c == '~') return true;
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && digits < 10 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

std::string markdown_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 8);
  std::size_t start = 0;
  while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;  // 4 spaces: code
  line.remove_prefix(start);
  bool block = starts_block(line);
  std::size_t digits = 0;
  while (block && digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    bool escape = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
                  (block && (i == 0 ? digits == 0 : i == digits));
    if (escape) out += '\\';
    if (c == '\t') out += ' ';
    else if (c != '\r') append_visible(out, line, i);
  }
  return out;
}

}  // namespace

std::string csv_field(std::string_view value) {
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  std::string out;
  out.reserve(value.size() + 2);
  if (quote) out += '"';
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r' || c == '\t') out += c;
    else append_visible(out, value, i);
  }
  if (quote) out += '"';
  return out;
}

std::string markdown_article(const Document& doc) {
  std::string out;
  std::string_view text = doc.text;
  bool first = true;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!out.empty()) out += "\n\n";
    if (first && !doc.metadata.title.empty() && line == doc.metadata.title) out += "# ";
    out += markdown_line(line);
    first = false;
  }
  return out;
}

}  // namespace winnow
