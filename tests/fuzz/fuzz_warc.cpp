// Fuzz target: the WARC reader (1.0 and 1.1 headers, HTTP headers, chunked
// and gzip bodies, lengths that lie), plain or gzip/zstd compressed.
#include "fuzz_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_records(data, size, [](auto in, auto ctx) { return winnow::warc_source(std::move(in), std::move(ctx)); });
  return 0;
}
