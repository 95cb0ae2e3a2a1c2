// The quality bar for decoded containers: real Google Tag Manager containers
// (../shared/corpus/gtm) against their hand-checked ground truth, each loaded by a page through
// the standard snippet and fetched through the ScriptFetcher seam. Built only when the corpus
// exists (TAGDRIFT_GTM_CORPUS_DIR).
#ifdef TAGDRIFT_GTM_CORPUS_DIR

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "detectors/detector.h"
#include "detectors/signature_set.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::detectors {
namespace {

constexpr const char* kPage = "https://www.clinic.test/";

class ContainerFetcher : public ScriptFetcher {
 public:
  ContainerFetcher(std::string url, std::string body)
      : url_(std::move(url)), body_(std::move(body)) {}
  FetchedScript fetch(const std::string& url) override {
    if (url == url_) return {url, body_, ""};
    return {url, "", "404"};
  }

 private:
  std::string url_, body_;
};

struct Score {
  int listed = 0, found = 0, extra_ids = 0, false_vendors = 0, paused_reported = 0;
  std::vector<std::string> problems;
};

PageDetections detect_container(const Detector& detector, const nlohmann::json& entry) {
  const std::string id = entry["container_id"];
  const std::string body = testing::read_file(std::string(TAGDRIFT_GTM_CORPUS_DIR) + "/" +
                                              entry["file"].get<std::string>());
  Place snippet;
  snippet.kind = PlaceKind::kScriptInline;
  snippet.line = 3;
  snippet.value =
      "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new "
      "Date().getTime(),event:'gtm.js'"
      "});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';"
      "j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
      "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','" +
      id + "');";
  ContainerFetcher fetcher("https://www.googletagmanager.com/gtm.js?id=" + id, body);
  return detector.detect({snippet}, kPage, &fetcher);
}

void score_container(const nlohmann::json& entry, const PageDetections& found, Score& score) {
  const std::string file = entry["file"];
  std::map<std::string, std::set<std::string>> listed;
  for (const auto& vendor : entry["vendors"]) {
    listed[vendor["vendor"]] = vendor["ids"].get<std::set<std::string>>();
  }
  std::set<int> paused;
  for (const auto& tag : entry["paused"]) paused.insert(tag["tag_id"].get<int>());
  std::map<std::string, std::set<std::string>> seen;
  for (const Sighting& s : found.active) {
    if (s.vendor == "google-tag-manager") continue;  // the container itself
    seen[s.vendor].insert(s.tag_id);
    if (s.container.tag_id >= 0 && paused.count(s.container.tag_id)) {
      ++score.paused_reported;
      score.problems.push_back(file + ": paused tag " + std::to_string(s.container.tag_id) +
                               " reported as " + s.vendor);
    }
    auto it = listed.find(s.vendor);
    if (it == listed.end()) {
      ++score.false_vendors;
      score.problems.push_back(file + ": false vendor " + s.vendor + " '" + s.tag_id + "' (" +
                               s.evidence + ")");
    } else if (!s.tag_id.empty() && !it->second.count(s.tag_id)) {
      ++score.extra_ids;
      score.problems.push_back(file + ": " + s.vendor + " extra ID '" + s.tag_id + "' (" +
                               s.evidence + ")");
    }
  }
  for (const auto& [vendor, ids] : listed) {
    for (const std::string& id : ids) {
      ++score.listed;
      if (seen[vendor].count(id)) {
        ++score.found;
      } else {
        score.problems.push_back(file + ": " + vendor + " '" + id + "' not found");
      }
    }
  }
}

TEST_CASE("gtm corpus: every configured tag ID is found, nothing unlisted or paused is reported") {
  nlohmann::json manifest = nlohmann::json::parse(
      testing::read_file(std::string(TAGDRIFT_GTM_CORPUS_DIR) + "/manifest.json"));
  SignatureSet set;
  Detector detector(set);
  Score score;
  for (const auto& entry : manifest)
    score_container(entry, detect_container(detector, entry), score);
  for (const std::string& problem : score.problems) UNSCOPED_INFO(problem);
  WARN("gtm corpus: pairs " << score.found << "/" << score.listed << ", extra IDs "
                            << score.extra_ids << ", false vendors " << score.false_vendors
                            << ", paused reported " << score.paused_reported);
  CHECK(score.found == score.listed);
  CHECK(score.extra_ids == 0);
  CHECK(score.false_vendors == 0);
  CHECK(score.paused_reported == 0);
}

}  // namespace
}  // namespace tagdrift::detectors

#endif  // TAGDRIFT_GTM_CORPUS_DIR
