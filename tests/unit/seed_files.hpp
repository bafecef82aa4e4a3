// Test helper: read a fixture file from the source tree.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(WINNOW_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline constexpr const char* kSeed000 = "fixtures/seeds/000_63f0391d745259ed.txt";
inline constexpr const char* kSeed001 = "fixtures/seeds/001_47bcd35a6f9d77e2.txt";
inline constexpr const char* kSeed002 = "fixtures/seeds/002_6ba652603ef8cee0.txt";
inline constexpr const char* kSeed003 = "fixtures/seeds/003_40b93695f5b12e5d.txt";
inline constexpr const char* kSeed004 = "fixtures/seeds/004_fb904a025db9dcc0.txt";
