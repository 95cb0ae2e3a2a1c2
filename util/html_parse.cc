#include "util/html_parse.h"

#include <cstdlib>
#include <new>

#include "util/html_depth.h"

namespace tagdrift {
namespace {

constexpr std::size_t kChunkSize = 64 * 1024;
constexpr std::size_t kLargeSize = kChunkSize / 4;
constexpr std::size_t kAlignment = alignof(std::max_align_t);
constexpr std::size_t kPooledChunks = 32;  // 2 MiB a thread: more than a 200 KB page needs

// Chunks of finished parses, kept for the thread's next parse.
class ChunkPool {
 public:
  ~ChunkPool() {
    for (char* chunk : spare_) std::free(chunk);
  }
  char* take() {
    if (spare_.empty()) {
      void* chunk = std::malloc(kChunkSize);
      if (chunk == nullptr) throw std::bad_alloc();
      return static_cast<char*>(chunk);
    }
    char* chunk = spare_.back();
    spare_.pop_back();
    return chunk;
  }
  void give_back(char* chunk) {
    if (spare_.size() < kPooledChunks) {
      spare_.push_back(chunk);
    } else {
      std::free(chunk);
    }
  }

 private:
  std::vector<char*> spare_;
};

ChunkPool& chunk_pool() {
  thread_local ChunkPool pool;
  return pool;
}

void* gumbo_allocate(void* arena, std::size_t size) {
  return static_cast<ParseArena*>(arena)->allocate(size);
}

void gumbo_free(void* arena, void* pointer) { static_cast<ParseArena*>(arena)->free(pointer); }

}  // namespace

ParseArena::~ParseArena() {
  for (char* chunk : chunks_) chunk_pool().give_back(chunk);
  for (void* block : large_) std::free(block);
}

void* ParseArena::allocate(std::size_t size) {
  size = (size + kAlignment - 1) & ~(kAlignment - 1);
  if (size >= kLargeSize) {
    void* block = std::malloc(size);
    if (block == nullptr) throw std::bad_alloc();
    large_.insert(block);
    return block;
  }
  if (size > left_) {
    chunks_.push_back(chunk_pool().take());
    next_ = chunks_.back();
    left_ = kChunkSize;
  }
  void* block = next_;
  next_ += size;
  left_ -= size;
  return block;
}

void ParseArena::free(void* pointer) {
  if (large_.empty()) return;  // small blocks go when the arena does
  if (large_.erase(pointer) > 0) std::free(pointer);
}

void GumboOutputDeleter::operator()(GumboOutput* /*output*/) {
  arena.reset();  // every node of the output lives in it
  source.reset();
}

namespace {

// Parses all of `html`, which the caller has cut to html_prefix_within_depth().
GumboOutputPtr parse_prefix(std::string_view html, std::unique_ptr<const std::string> source) {
  auto arena = std::make_unique<ParseArena>();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = gumbo_allocate;
  options.deallocator = gumbo_free;
  options.userdata = arena.get();
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  return GumboOutputPtr(output, GumboOutputDeleter{std::move(arena), std::move(source)});
}

}  // namespace

GumboOutputPtr parse_html(std::string_view html) {
  return parse_prefix(html.substr(0, html_prefix_within_depth(html)), nullptr);
}

GumboOutputPtr parse_owned_html(std::unique_ptr<const std::string> source) {
  const std::string_view html(*source);
  return parse_prefix(html, std::move(source));
}

}  // namespace tagdrift
