#include "drift/unread_scripts.h"

#include <catch2/catch.hpp>

using namespace tagdrift::drift;
using tagdrift::storage::UnreadScriptRecord;
using Lines = std::vector<std::string>;

namespace {

constexpr const char* kApp = "https://www.clinic.test/js/app.js";
constexpr const char* kGone = "https://www.clinic.test/js/gone.js";

std::vector<UnreadScriptRecord> records() {
  return {{"https://www.clinic.test/b/", kApp, "too-large", "first"},
          {"https://www.clinic.test/a/", kApp, "too-large", "second"},
          {"https://www.clinic.test/a/", kGone, "fetch-failed", "HTTP 404"},
          {"https://www.clinic.test/a/", kApp, "too-large", "again"}};
}

}  // namespace

TEST_CASE("unread scripts: one entry per URL with its pages sorted, the first reason kept") {
  std::vector<UnreadScript> scripts = unread_scripts(records(), nullptr);
  REQUIRE(scripts.size() == 2);
  CHECK(scripts[0].url == kApp);
  CHECK(scripts[0].detail == "first");
  CHECK(scripts[0].pages == Lines{"https://www.clinic.test/a/", "https://www.clinic.test/b/"});
  CHECK_FALSE(scripts[0].newly);  // no previous scan: nothing to be new against
  CHECK(scripts[1].url == kGone);
  CHECK(scripts[1].reason == "fetch-failed");
}

TEST_CASE("unread scripts: newly unread against the previous scan, and read again") {
  Previous previous;
  previous.unread = {kApp, "https://www.clinic.test/js/fixed.js",
                     "https://www.clinic.test/js/dropped.js"};
  std::vector<UnreadScript> scripts = unread_scripts(records(), &previous);
  REQUIRE(scripts.size() == 2);
  CHECK_FALSE(scripts[0].newly);
  CHECK(scripts[1].newly);
  // dropped.js is no longer loaded at all: not read, so not "read again".
  CHECK(read_again(previous, scripts, {"https://www.clinic.test/js/fixed.js", kApp}) ==
        Lines{"https://www.clinic.test/js/fixed.js"});
}
