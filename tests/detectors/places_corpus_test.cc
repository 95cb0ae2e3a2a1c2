// The places of every real corpus page must let a matcher reach the hand-checked ground truth:
// each listed form is there, live, carrying the tag's ID; commented snippets are commented;
// text-only mentions are in no live place.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "detectors/places.h"
#include "tests/support/temp_dir.h"

#ifdef TAGDRIFT_CORPUS_DIR

namespace td = tagdrift::detectors;

namespace {

const nlohmann::json& manifest() {
  static const nlohmann::json parsed = nlohmann::json::parse(
      tagdrift::testing::read_file(std::string(TAGDRIFT_CORPUS_DIR) + "/manifest.json"));
  return parsed;
}

std::vector<td::Place> page_places(const std::string& file) {
  std::string html =
      tagdrift::testing::read_file(std::string(TAGDRIFT_CORPUS_DIR) + "/pages/" + file);
  return td::extract_places_from_html(html, "https://corpus.invalid/site/" + file);
}

// An ID as a place may spell it: "AW-809204708" also appears as the bare 809204708.
bool carries(const td::Place& place, const std::string& id) {
  if (place.value.find(id) != std::string::npos) return true;
  std::size_t dash = id.find('-');
  return dash != std::string::npos && dash <= 3 &&
         place.value.find(id.substr(dash + 1)) != std::string::npos;
}

bool carries_any(const td::Place& place, const nlohmann::json& ids) {
  if (ids.empty()) return true;
  for (const auto& id : ids) {
    if (carries(place, id.get<std::string>())) return true;
  }
  return false;
}

// Each listed form is a live place (gated as listed), and each ID is carried by a live place:
// not always of a listed form (an ID may sit in an attribute beside its loader script).
void check_active(const nlohmann::json& vendor, const std::vector<td::Place>& places) {
  bool gated = vendor.value("consent_gated", false);
  auto live = [gated](const td::Place& place) {
    return !place.commented && place.consent_gated == gated;
  };
  for (const auto& form : vendor["forms"]) {
    INFO("vendor " << vendor["vendor"] << " form " << form);
    bool found = false;
    for (const td::Place& place : places) {
      found = found || (live(place) && form == td::place_kind_name(place.kind));
    }
    CHECK(found);
  }
  for (const auto& id : vendor["ids"]) {
    INFO("vendor " << vendor["vendor"] << " id " << id);
    bool found = false;
    for (const td::Place& place : places) {
      found = found || (live(place) && carries(place, id.get<std::string>()));
    }
    CHECK(found);
  }
}

void check_commented(const nlohmann::json& entry, const std::vector<td::Place>& places) {
  INFO("commented " << entry["vendor"]);
  bool found = false;
  for (const td::Place& place : places) {
    found = found || (place.commented && carries_any(place, entry["ids"]));
  }
  CHECK(found);
}

void check_mention(const nlohmann::json& entry, const nlohmann::json& page,
                   const std::vector<td::Place>& places) {
  for (const auto& vendor : page["vendors"]) {
    if (vendor["vendor"] == entry["vendor"]) return;  // also live: its ID may be too
  }
  for (const auto& id : entry["ids"]) {
    for (const td::Place& place : places) {
      INFO("mention " << id << " in " << td::place_kind_name(place.kind) << " " << place.value);
      CHECK((place.commented || place.value.find(id.get<std::string>()) == std::string::npos));
    }
  }
}

}  // namespace

TEST_CASE("places corpus: listed forms are live with their IDs, comments commented") {
  REQUIRE(manifest().size() > 0);
  for (const auto& page : manifest()) {
    std::string file = page["file"];
    INFO(file);
    std::vector<td::Place> places = page_places(file);
    for (const auto& vendor : page["vendors"]) check_active(vendor, places);
    for (const auto& entry : page["commented"]) check_commented(entry, places);
    for (const auto& entry : page["mentions"]) check_mention(entry, page, places);
  }
}

TEST_CASE("places corpus: pages that only mention tags have no live script, img or iframe") {
  for (const char* file :
       {"admin-scripts-form-escaped-placeholders.html", "chiro-jekyll-head-commented-gtag.html"}) {
    INFO(file);
    for (const td::Place& place : page_places(file)) {
      bool tag_kind =
          place.kind == td::PlaceKind::kScriptSrc || place.kind == td::PlaceKind::kScriptInline ||
          place.kind == td::PlaceKind::kIframe || place.kind == td::PlaceKind::kNoscriptIframe;
      CHECK((place.commented || !tag_kind));
    }
  }
}

#endif  // TAGDRIFT_CORPUS_DIR
