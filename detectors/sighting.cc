#include "detectors/sighting.h"

namespace tagdrift::detectors {

std::string identity_key(const Sighting& sighting) {
  if (!sighting.tag_id.empty()) return sighting.vendor + ":" + sighting.tag_id;
  return sighting.vendor + ":" + sighting.host;
}

}  // namespace tagdrift::detectors
