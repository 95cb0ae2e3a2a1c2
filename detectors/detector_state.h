// What the Detector keeps while it reads one page: shared by detector.cc and
// detector_container.cc, not part of the library's interface.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "detectors/detector.h"

namespace tagdrift::detectors {

// A sighting before the page-wide rules (weak hits, shared IDs) are applied.
struct Candidate {
  Sighting sighting;
  std::size_t signature = 0;
  bool weak = false;
  std::size_t place = 0;  // which place of the page (or followed script) it came from
};

struct Detector::PageState {
  std::string page_url;
  std::string page_host;
  std::vector<Candidate> candidates;
  std::vector<Sighting> unknown;
  std::size_t place_count = 0;
  std::vector<std::string> followed;
  std::vector<UnreadScript> unread;
  // Places that containers' tags put on the page, by their place number.
  std::deque<Place> container_places;
  std::map<std::size_t, const Place*> extra;

  const Place* extra_place(std::size_t number) const {
    auto found = extra.find(number);
    return found == extra.end() ? nullptr : found->second;
  }
};

}  // namespace tagdrift::detectors
