#include "crawler/gunzip.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "tests/support/timing.h"

using tagdrift::crawler::gunzip;
using tagdrift::crawler::looks_gzipped;
using tagdrift::testing::kSlowdown;

namespace {

// Compresses with zlib's deflate; window_bits 15 + 16 writes gzip, 15 writes zlib.
std::string deflate_with(const std::string& data, int window_bits, int level = Z_BEST_COMPRESSION) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, level, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string gzip(const std::string& data) { return deflate_with(data, 15 + 16); }

}  // namespace

TEST_CASE("gunzip: the gzip magic is recognized") {
  CHECK(looks_gzipped(gzip("x")));
  CHECK(looks_gzipped("\x1f\x8b"));
  CHECK_FALSE(looks_gzipped("\x1f"));
  CHECK_FALSE(looks_gzipped(""));
  CHECK_FALSE(looks_gzipped("<?xml"));
  CHECK_FALSE(looks_gzipped(deflate_with("x", 15)));
}

TEST_CASE("gunzip: gzip and zlib data inflate to the original") {
  const std::string text = "<urlset><url><loc>https://a.example/</loc></url></urlset>";
  CHECK(gunzip(gzip(text), 1 << 20) == text);
  CHECK(gunzip(deflate_with(text, 15), 1 << 20) == text);
  CHECK(gunzip(gzip(""), 1 << 20) == "");
}

TEST_CASE("gunzip: output larger than one internal chunk is complete") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += std::to_string(i) + ",";
  CHECK(gunzip(gzip(text), 10 << 20) == text);
}

TEST_CASE("gunzip: output of exactly the budget is accepted") {
  const std::string text(1000, 'a');
  CHECK(gunzip(gzip(text), 1000) == text);
  std::string error;
  CHECK_FALSE(gunzip(gzip(text), 999, &error).has_value());
  CHECK(error == "decompressed size exceeds 999 bytes");
}

TEST_CASE("gunzip: a gzip bomb stops at the budget") {
  // 64 MB of zeros in about 300 KB; level 1 keeps the test itself quick.
  const std::string bomb = deflate_with(std::string(64u << 20, '\0'), 15 + 16, 1);
  REQUIRE(bomb.size() < (1u << 20));
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  CHECK_FALSE(gunzip(bomb, 10u << 20, &error).has_value());
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  CHECK(error == "decompressed size exceeds 10485760 bytes");
  CHECK(spent.count() < 2.0 * kSlowdown);
}

TEST_CASE("gunzip: concatenated gzip members all inflate") {
  CHECK(gunzip(gzip("first,") + gzip("second"), 1 << 20) == "first,second");
}

TEST_CASE("gunzip: trailing junk after the stream is ignored") {
  CHECK(gunzip(gzip("data") + "junk", 1 << 20) == "data");
}

TEST_CASE("gunzip: truncated data is an error") {
  std::string compressed = gzip(std::string(10000, 'x') + "end");
  compressed.resize(compressed.size() / 2);
  std::string error;
  CHECK_FALSE(gunzip(compressed, 1 << 20, &error).has_value());
  CHECK(error == "compressed data is truncated");
  CHECK_FALSE(gunzip("\x1f\x8b", 1 << 20, &error).has_value());
  CHECK_FALSE(gunzip("", 1 << 20, &error).has_value());
}

TEST_CASE("gunzip: corrupt data is an error with zlib's reason") {
  std::string compressed = gzip(std::string(10000, 'x'));
  for (std::size_t i = 10; i < compressed.size() - 8; ++i) compressed[i] = '\x55';
  std::string error;
  CHECK_FALSE(gunzip(compressed, 1 << 20, &error).has_value());
  CHECK(error.rfind("corrupt compressed data: ", 0) == 0);
  CHECK_FALSE(gunzip("plain text, not compressed", 1 << 20, &error).has_value());
  CHECK(error.rfind("corrupt compressed data: ", 0) == 0);
}

TEST_CASE("gunzip: a bad checksum is an error") {
  std::string compressed = gzip("hello hello hello");
  compressed[compressed.size() - 6] ^= 0x01;  // inside the CRC-32
  CHECK_FALSE(gunzip(compressed, 1 << 20).has_value());
}

TEST_CASE("gunzip: the error pointer may be null") {
  CHECK_FALSE(gunzip("junk", 10, nullptr).has_value());
  CHECK_FALSE(gunzip(gzip(std::string(100, 'a')), 10, nullptr).has_value());
}
