// Gumbo parsing with one owner for the output. Every parse gets its own arena: Gumbo makes
// thousands of small allocations per page (6,100 for a 49 KB page) and frees them one by one,
// which cost about a tenth of a scan's CPU in malloc and free; from the arena they are a pointer
// bump, and the tree is released at once.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tagdrift {

// A bump allocator for one Gumbo parse. Small blocks come from a per-thread pool of chunks
// (so a steady stream of parses touches no new memory); a large one (a long text node, the
// child list of a huge element) is its own allocation and is freed as soon as Gumbo frees it,
// so a hostile page costs what its tree needs, not the sum of every buffer it outgrew.
class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;
  ~ParseArena();

  void* allocate(std::size_t size);
  void free(void* pointer);

 private:
  std::vector<char*> chunks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::unordered_set<void*> large_;
};

// Owns a parse's output, its arena and (for a skimmed parse) the text it was parsed from;
// destroying it frees the whole tree.
struct GumboOutputDeleter {
  std::unique_ptr<ParseArena> arena;
  std::unique_ptr<const std::string> source;
  void operator()(GumboOutput* output);
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Parses `html` as a document, cut where it would nest deeper than kMaxHtmlDepth (see
// util/html_depth.h). Parse errors are not recorded: Gumbo copies the stack of open elements
// into every error, which makes deeply nested pages cost quadratic memory. The output points
// into `html`, which must outlive it.
GumboOutputPtr parse_html(std::string_view html);

// Parses all of `*source` (already cut to html_prefix_within_depth()); the output owns it.
GumboOutputPtr parse_owned_html(std::unique_ptr<const std::string> source);

}  // namespace tagdrift
