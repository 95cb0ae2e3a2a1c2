// Detection for one page: matches its places against the signatures, follows the scripts worth
// following through a ScriptFetcher, and returns active tags, commented tags and unknown
// third-party resources. Const and thread-safe: one Detector serves every worker thread.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/container_tags.h"
#include "detectors/place.h"
#include "detectors/script_fetcher.h"
#include "detectors/sighting.h"
#include "detectors/signature_set.h"

namespace tagdrift::detectors {

struct DetectorOptions {
  std::size_t max_followed_scripts = 16;    // scripts fetched per page
  std::size_t max_script_bytes = 4u << 20;  // of a fetched script's body that is matched
  std::size_t max_container_depth = 3;      // containers loaded by containers' Custom HTML
  bool report_unknown = true;               // list unknown third-party resources
};

class Detector {
 public:
  // `signatures` must outlive the Detector.
  explicit Detector(const SignatureSet& signatures, DetectorOptions options = {});
  ~Detector();

  // `fetcher` may be null: then no script is fetched.
  PageDetections detect(const std::vector<Place>& places, std::string_view page_url,
                        ScriptFetcher* fetcher) const;

  // The GTM container `url` served as `body`, as this Detector decodes it (once per body): its
  // container_id and version, tag_id -1. None when `url` is no container URL or `body` does not
  // decode. Thread-safe.
  std::optional<ContainerOrigin> container(const std::string& url, std::string_view body) const;

 private:
  struct PageState;
  bool match_place(const Place& place, PageState& page) const;
  bool add_hits(const Place& place, std::string_view text, PageState& page) const;
  Sighting make_sighting(const Signature& sig, const Place& place, const PageState& page,
                         std::string_view text, std::size_t offset) const;
  void follow_scripts(const std::vector<Place>& places, PageState& page,
                      ScriptFetcher& fetcher) const;
  bool match_container(const std::string& url, std::string_view body, const Place& from,
                       PageState& page) const;
  void match_container_places(const GtmContainer& container, std::size_t tag,
                              const ContainerOrigin& origin, const Place& from,
                              PageState& page) const;
  void note_unknown(const Place& place, PageState& page) const;
  bool known_resource(const std::string& url, const std::string& host) const;

  const SignatureSet& signatures_;
  DetectorOptions options_;
  std::unique_ptr<ContainerTemplates> containers_;
  // Containers decoded in this Detector's life (one scan) by URL, with a hash of the body they
  // came from: a container that many pages load is decoded once, one whose body changed again.
  struct Decoded {
    std::size_t body_hash = 0;
    std::shared_ptr<const GtmContainer> container;
  };
  std::shared_ptr<const GtmContainer> decoded(const std::string& url, std::string_view body) const;
  mutable std::mutex decoded_mutex_;
  mutable std::map<std::string, Decoded> decoded_;
  std::vector<std::string> vendor_hosts_;
  std::vector<std::string> allowed_hosts_;
};

}  // namespace tagdrift::detectors
