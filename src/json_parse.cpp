// The bounded JSON parse (see json_parse.hpp for why and how).
#include "json_parse.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <fmt/format.h>

namespace winnow {
namespace {

// Forwards every SAX event to the Document, refusing to open level
// kMaxJsonDepth + 1.
class DepthLimitedHandler {
 public:
  explicit DepthLimitedHandler(rapidjson::Document& doc) : doc_(doc) {}
  using SizeType = rapidjson::SizeType;

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, SizeType n, bool copy) { return doc_.RawNumber(s, n, copy); }
  bool String(const char* s, SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool Key(const char* s, SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool StartObject() { return deeper() && doc_.StartObject(); }
  bool EndObject(SizeType members) { --depth_; return doc_.EndObject(members); }
  bool StartArray() { return deeper() && doc_.StartArray(); }
  bool EndArray(SizeType elements) { --depth_; return doc_.EndArray(elements); }

  bool too_deep() const { return too_deep_; }

 private:
  bool deeper() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep_ = true;
    return false;
  }

  rapidjson::Document& doc_;
  unsigned depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

JsonParseResult parse_json(rapidjson::Document& doc, std::string_view text) {
  JsonParseResult result;
  rapidjson::ParseResult parsed;
  // Populate hands the generator the Document's own SAX handler and, on
  // success, moves the one value built into the Document.
  auto generate = [&](rapidjson::Document& handler) {
    rapidjson::MemoryStream bytes(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    DepthLimitedHandler limited(handler);
    rapidjson::Reader reader;
    parsed = reader.Parse<rapidjson::kParseIterativeFlag>(in, limited);
    if (parsed.IsError()) {
      result.error_offset = parsed.Offset();
      result.too_deep = limited.too_deep();
      result.error = limited.too_deep() ? fmt::format("nested deeper than {} levels", kMaxJsonDepth)
                                        : rapidjson::GetParseError_En(parsed.Code());
    }
    return !parsed.IsError();
  };
  doc.SetNull();
  doc.Populate(generate);
  result.ok = !parsed.IsError();
  return result;
}

}  // namespace winnow
