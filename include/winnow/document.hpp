// The record that flows through winnow's pipeline.
//
// Every stage takes a Document and adds to it: the reader fills the origin and
// the raw bytes, decoding makes the bytes UTF-8, a parser cuts them into
// Blocks, the boilerplate classifier gives each Block a Role, the metadata
// extractors fill Metadata, and the writer serialises what is left. Keeping a
// single record type (instead of one type per stage) lets a stage be skipped
// or re-run without conversions, and lets tests build a Document by hand at
// any point of the line.
//
// A Document owns all of its strings; nothing points into a buffer that the
// reader may reuse, so records can cross threads freely.
//
//   winnow::Document doc;
//   doc.id = "fixtures/seeds/000.txt";
//   doc.body = bytes;                         // as found (examples/clean_page.cpp reads a file)
//   winnow::Extractor extractor(winnow::ProfileSet::builtin());   // extract.hpp
//   std::string problem;
//   if (extractor.run(doc, &problem)) std::puts(doc.text.c_str());  // the clean article
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "winnow/fingerprint.hpp"

namespace winnow {

// What a record's bytes are, decided by content (sniff_format, decode.hpp).
enum class InputFormat { Unknown, Text, Html };

// Structural kind of a block, as the parser saw it.
enum class BlockKind {
  Paragraph,  // a line of running text, or an HTML <p>/<div> text run
  Heading,    // <h1>-<h6>, or a title line in a text dump
  ListItem,   // "- item" in a text dump, <li> in HTML
  ListMarker, // a bare "-" line: an empty list item that opens a sub-list
  TableCell,
  Preformatted,
};

// What the classifier decided a block is. Only Title and Body reach `text`.
enum class Role {
  Unclassified,
  Title,       // the article title
  Body,        // article body paragraph
  PageType,    // "Press release", "News Item" ...
  Metadata,    // "- Date:", "- Source:" ... and their values
  Teaser,      // summary repeated before the body (news items)
  Navigation,  // menus, breadcrumbs, link lists
  Chrome,      // site chrome: footers, share widgets, comment forms, cookie banners
  Artifact,    // scraping artifacts merged into a neighbour (abbreviation tooltips)
};

const char* to_string(Role role);
const char* to_string(BlockKind kind);
const char* to_string(InputFormat format);

struct Block {
  std::string text;          // UTF-8, whitespace normalised, no trailing newline
  BlockKind kind = BlockKind::Paragraph;
  Role role = Role::Unclassified;
  int depth = 0;             // list nesting (text) or DOM depth (HTML)
  // HTML features for the classifier; empty/zero for text dumps.
  std::string tag_path;      // e.g. "html>body>div.content>p"
  std::string class_tokens;  // class and id tokens of ancestors, space separated
  double link_density = 0.0; // share of the text inside <a>
  std::uint32_t element = 0;   // HTML: index in Document::elements of the innermost enclosing element
  std::size_t source_line = 0; // 1-based line in a text dump, 0 if unknown
};

// An HTML element that encloses blocks, kept so a classifier can score
// containers (the article <div>) and not only single blocks. Elements form a
// tree through `parent`; index 0 is the root (<html>).
struct HtmlElement {
  std::uint32_t parent = 0;  // index of the enclosing element; the root points at itself
  std::string tag;           // lower-case tag name: "div", "article", ...
  std::string classes;       // its class tokens, space separated, lower-cased
  std::string id;            // its id, lower-cased
};

struct Abbreviation {
  std::string abbr;       // "NGO"
  std::string expansion;  // "non-governmental organization"
};

struct Dateline {
  std::string raw;                  // "KHMELNYTSKY, Ukraine, 16 July 2008 -"
  std::vector<std::string> places;  // {"KHMELNYTSKY"}; several for "VIENNA/WARSAW"
  std::string place;                // first place, title-cased: "Khmelnytsky"
  std::string country;              // "Ukraine" (empty if absent)
  std::string date;                 // ISO 8601, empty if none or impossible
};

struct SourceEntry {
  std::string name;     // "OSCE Project Co-ordinator in Ukraine"
  bool closed = false;  // the page marks it "(closed)"
};

struct Quote {
  std::string text;           // the quoted words, without quote marks
  std::string verb;           // "said", "added", ...
  bool indirect = false;      // reported speech: "X said that ..."
  bool continuation = false;  // a follow-on paragraph with no attribution
  std::size_t begin = 0;      // byte span of the quote text in Document::text
  std::size_t end = 0;
};

struct Speaker {
  std::string name;       // "Lubomir Kopaj"
  std::string honorific;  // "Ambassador"
  std::string role;       // "OSCE Project Co-ordinator in Ukraine"
  std::vector<Quote> quotes;
};

struct Figure {
  double value = 0;
  std::optional<double> max;  // upper bound of a range
  std::string unit;           // "EUR", "USD", "%", "hour", ... empty for plain counts
  std::string approximator;   // "up to", "some", "over", ... empty if exact
  std::string counts;         // the noun phrase counted: "police officers"
  std::string text;           // the source text: "up to 1,800 police officers"
  std::size_t begin = 0;      // byte span of `text` in Document::text
  std::size_t end = 0;
};

struct Metadata {
  std::string type;         // "press_release", "news_item", "statement", "blog_post", ...
  std::string title;
  std::string date;         // ISO 8601
  std::string date_source;  // "field:Date", "field:Issued on", "dateline", "teaser", "body", "html:..."
  std::optional<Dateline> dateline;
  std::string place;
  std::vector<SourceEntry> sources;
  std::vector<std::string> fields_of_work;
  std::string teaser;
  std::vector<Speaker> speakers;
  std::vector<Figure> figures;
  std::vector<Abbreviation> abbreviations;
  std::string language;     // from <html lang> or og:locale when known
};

// Lines (text dumps) or blocks (HTML) removed, by reason.
struct RemovalCounts {
  std::size_t navigation = 0;
  std::size_t chrome = 0;
  std::size_t metadata = 0;
  std::size_t teaser = 0;
  std::size_t artifacts = 0;
};

// A date a stage found before the metadata stage ranks them all
// (metadata.cpp lists the order). Not written to the output: the chosen
// one becomes Metadata::date and date_source, the others warnings.
struct DateCandidate {
  std::string source;  // as date_source will name it: "field:Date", "html:json-ld:datePublished", "html:url"
  std::string text;    // as written (a field's value, parsed by the metadata stage), or ISO 8601 (html: sources)
};

// Where a record can be found again: its file, and inside it the WARC
// record's byte offset or the JSONL line.
struct RecordLocation {
  std::string file;                    // the path as given or found in a walk; "-" for stdin
  std::optional<std::uint64_t> offset; // WARC: byte offset of the record's "WARC/" line, in the
                                       // decompressed stream (the offset messages name)
  std::optional<std::uint64_t> gzip_offset;  // WARC in gzip: where the member that starts with the
                                             // record begins in the file (one member per record)
  std::optional<std::uint64_t> line;   // JSONL: 1-based line
};

struct Document {
  // Set by the reader.
  std::string id;            // stable id: path, path#N, WARC-Record-ID, JSONL id; "-" for stdin
  std::string url;           // what was fetched: WARC-Target-URI or the JSONL url field; empty
                             // for a plain file (its page's own link is canonical_url, not this)
  RecordLocation source;
  // With ReaderOptions::keep_fields, a JSONL record's chosen fields as one
  // compact JSON object ({"lang":"en","crawl":{...}}), valid UTF-8; empty
  // when none were asked for or the record is not a JSONL line.
  std::string kept_fields;
  std::string fetch_date;    // WARC-Date, when known (ISO 8601)
  std::string charset_hint;  // from an HTTP header, when known
  std::uint64_t sequence = 0;  // position in the input stream, for ordering
  std::string body;          // the bytes as read; UTF-8 after decoding

  // Set by decoding and parsing.
  InputFormat format = InputFormat::Unknown;
  std::string charset;       // what the body was decoded from ("utf-8", "windows-1252", ...)
  std::vector<Block> blocks;
  std::vector<HtmlElement> elements;  // HTML only: the enclosing elements of blocks (Block::element)
  std::string profile;       // name of the site profile that matched, if any
  std::string extractor;     // which reading found the article: "layout" (a text dump, or a
                             // profile's page-type line and box), "profile" (its selectors),
                             // "generic:container", "generic:ancestor", "generic:paragraphs"

  // Set by parsing and classification, read by metadata extraction: the
  // dates the page's head and layout state (the text's own are found there).
  std::vector<DateCandidate> date_candidates;

  // The page's own address (canonical link, og:url, JSON-LD url), resolved
  // against its <base href> and `url` (winnow/url.hpp); set by the HTML
  // parser, or by the reader from a JSONL record's canonical_url field when
  // the page states none. Kept apart from `url`: for a repost audit both
  // the address fetched and the one the page claims are evidence.
  std::string canonical_url;

  // Set by classification and metadata extraction.
  Metadata metadata;
  std::string text;          // the clean article: title, then body paragraphs, '\n'-separated
  RemovalCounts removed;
  std::vector<std::string> warnings;
  // Problems in the input bytes that were repaired (a guessed charset,
  // replaced invalid bytes); also in `warnings`. The CLI reports these on
  // stderr, since the user asked for clean input and did not get it.
  std::vector<std::string> repairs;

  // Set by the fingerprint stage, for dedup only: shingle_set(text, options,
  // shingle_outline).
  std::vector<std::uint64_t> shingles;
  ShingleOutline shingle_outline;
};

}  // namespace winnow
