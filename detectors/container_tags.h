// The live tags of a decoded container, read for what they send: tags whose template a
// signature declares ([[signature.container]]) become hits with the ID from their fields, and
// Custom HTML and Custom Image tags become places for the ordinary matcher.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/gtm_container.h"
#include "detectors/match_set.h"
#include "detectors/place.h"
#include "detectors/signature.h"

namespace re2 {
class RE2;
}

namespace tagdrift::detectors {

struct ContainerHit {
  std::size_t signature = 0;
  std::size_t tag = 0;   // index into GtmContainer::tags
  std::string tag_id;    // canonical ID, empty when none is visible
  std::string field;     // the field it came from ("vtp_tagId"), empty when none
  std::string resolved;  // how: "literal", "constant (macro 4)", ...
  std::vector<std::string> events;
  std::vector<std::string> enhanced_match;
};

// The container templates of a signature set, compiled once. Const and thread-safe.
class ContainerTemplates {
 public:
  // `signatures` and `matcher` must outlive this object.
  ContainerTemplates(const std::vector<Signature>& signatures, const MatchSet& matcher);
  ~ContainerTemplates();

  std::vector<ContainerHit> match(const GtmContainer& container) const;

 private:
  struct Compiled;
  void match_tag(const GtmContainer& container, std::size_t tag, const Compiled& entry,
                 std::vector<ContainerHit>& hits) const;

  const MatchSet& matcher_;
  std::vector<Compiled> compiled_;
};

// The places a Custom HTML (__html) or Custom Image (__img) tag puts on the page, one set per
// value its markup or URL can take; URLs resolve against `page_url`. Empty for other tags.
std::vector<Place> container_tag_places(const GtmTag& tag, std::string_view page_url);

}  // namespace tagdrift::detectors
