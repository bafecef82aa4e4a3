// A test stream over bytes in memory that hands them out in pieces of the
// sizes `next_piece` gives (as a pipe or a slow disk may), and that fails
// with a read error after `limit` bytes when a limit is given (as a disk can).
#pragma once

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>

#include "winnow/input_stream.hpp"

class PieceStream final : public winnow::ByteStream {
 public:
  PieceStream(std::string bytes, std::function<std::size_t()> next_piece, std::size_t limit = std::string::npos)
      : bytes_(std::move(bytes)), next_piece_(std::move(next_piece)), limit_(std::min(limit, bytes_.size())) {}
  std::size_t read(char* out, std::size_t n) override {
    std::size_t k = std::min({n, next_piece_(), limit_ - pos_});
    if (k == 0 && pos_ < bytes_.size()) error_ = "read error at byte " + std::to_string(pos_) + ": Input/output error";
    std::memcpy(out, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  std::uint64_t raw_offset() const override { return pos_; }

 private:
  std::string bytes_;
  std::function<std::size_t()> next_piece_;
  std::size_t pos_ = 0, limit_;
};
