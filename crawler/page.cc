#include "crawler/page.h"

namespace tagdrift::crawler {

const char* found_by_name(FoundBy found_by) {
  switch (found_by) {
    case FoundBy::kSeed:
      return "seed";
    case FoundBy::kLink:
      return "link";
    case FoundBy::kSitemap:
      return "sitemap";
  }
  return "unknown";
}

}  // namespace tagdrift::crawler
