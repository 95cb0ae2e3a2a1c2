#include "crawler/gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace tagdrift::crawler {
namespace {

struct InflateEnd {
  void operator()(z_stream* stream) const { inflateEnd(stream); }
};
using InflateStream = std::unique_ptr<z_stream, InflateEnd>;

constexpr int kGzipOrZlibWindow = 15 + 32;  // automatic header detection
constexpr std::size_t kChunk = 64 * 1024;

std::optional<std::string> fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return std::nullopt;
}

}  // namespace

bool looks_gzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

std::optional<std::string> gunzip(std::string_view data, std::size_t max_output,
                                  std::string* error) {
  z_stream storage{};
  if (inflateInit2(&storage, kGzipOrZlibWindow) != Z_OK) return fail(error, "zlib: out of memory");
  const InflateStream stream(&storage);
  std::string out;
  // zlib counts in uInt; feed it at most that much input at a time.
  constexpr std::size_t kMaxIn = std::numeric_limits<uInt>::max();
  while (true) {
    if (stream->avail_in == 0 && !data.empty()) {
      const std::size_t take = std::min(data.size(), kMaxIn);
      stream->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      stream->avail_in = static_cast<uInt>(take);
      data.remove_prefix(take);
    }
    // One byte past the budget tells "exactly the budget" from "more than the budget".
    const std::size_t room = std::min(kChunk, max_output + 1 - out.size());
    const std::size_t before = out.size();
    out.resize(before + room);
    stream->next_out = reinterpret_cast<Bytef*>(out.data() + before);
    stream->avail_out = static_cast<uInt>(room);
    const int status = inflate(stream.get(), Z_NO_FLUSH);
    out.resize(before + room - stream->avail_out);
    if (out.size() > max_output) {
      return fail(error, "decompressed size exceeds " + std::to_string(max_output) + " bytes");
    }
    if (status == Z_STREAM_END) {
      // Another gzip member may follow (concatenated .gz files); anything else is trailing junk.
      const std::string_view rest(reinterpret_cast<const char*>(stream->next_in), stream->avail_in);
      if (!looks_gzipped(rest) && !(rest.empty() && looks_gzipped(data))) return out;
      if (inflateReset(stream.get()) != Z_OK) return fail(error, "zlib: cannot reset");
      continue;
    }
    if (status == Z_BUF_ERROR && stream->avail_in == 0 && data.empty()) {
      return fail(error, "compressed data is truncated");
    }
    if (status != Z_OK && status != Z_BUF_ERROR) {
      return fail(error, std::string("corrupt compressed data: ") +
                             (stream->msg != nullptr ? stream->msg : zError(status)));
    }
  }
}

}  // namespace tagdrift::crawler
