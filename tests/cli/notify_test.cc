// The real `tagdrift scan --notify` posting to a loopback webhook: the body validates against
// docs/notify.schema.json and says what drifted (a changed tag's change itself, removed tags by
// key, unknown third parties by host), and the request names tagdrift in its User-Agent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/switchable_site.h"
#include "tests/report/schema_check.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::SwitchableSite;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

const char* kPinterest = "<script>pintrk('load', '2612345678901'); pintrk('page');</script>";
const char* kTikTok = "<script>ttq.load('CRF8I2BC77UD2MA14E3G'); ttq.page();</script>";
const char* kUnknown = "<script src='https://cdn.tracker-unknown.test/t.js'></script>";

std::string page(const std::string& title, const std::string& head, const std::string& body) {
  return "<!doctype html><html><head><title>" + title + "</title>" + head + "</head><body><h1>" +
         title + "</h1>" + body + "</body></html>";
}

void mental_health_page(SwitchableSite& site, const std::string& head) {
  site.set("/services/mental-health/", 200,
           page("Mental health services", head,
                "<p>Therapy and counselling for depression and anxiety.</p>"));
}

ChildResult tagdrift_run(const std::vector<std::string>& args, const fs::path& dir) {
  std::vector<std::string> argv = {TAGDRIFT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return tagdrift::testing::run_child(argv, dir, {}, std::chrono::seconds(60));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const json* finding(const json& body, const std::string& key) {
  for (const json& item : body.at("findings")) {
    if (item.at("key") == key) return &item;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("notify: the webhook gets what drifted, by key and host, under the documented schema") {
  SwitchableSite site;
  const std::string links = "<a href='/services/mental-health/'>Mental health</a>";
  site.set("/", 200, page("Clinic", std::string(kPinterest) + kTikTok, links));
  mental_health_page(site, "");
  tagdrift::testing::Webhook hook;
  TempDir dir;
  const std::string db = (dir.path() / "history.db").string();
  const std::vector<std::string> scan = {
      "scan",     site.url("/"), "--db",
      db,         "--quiet",     "--notify",
      hook.url(), "--output",    (dir.path() / "report.txt").string()};
  ChildResult first = tagdrift_run(scan, dir.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);

  // Pinterest spreads to the mental-health page, TikTok is taken off, an unknown script arrives.
  site.set("/", 200, page("Clinic", std::string(kPinterest) + kUnknown, links));
  mental_health_page(site, kPinterest);
  ChildResult second = tagdrift_run(scan, dir.path());
  INFO(second.err);
  REQUIRE(second.exit_code == 0);

  auto posts = hook.posts();
  REQUIRE(posts.size() == 2);
  const auto& posted = posts.back();
  CHECK(posted.content_type == "application/json");
  ChildResult version = tagdrift_run({"--version"}, dir.path());
  REQUIRE(version.out.starts_with("tagdrift "));
  CHECK(posted.user_agent == "tagdrift/" + version.out.substr(9, version.out.size() - 10));

  json body = json::parse(posted.body);
  INFO(body.dump(2));
  auto check = tagdrift::testing::check_against_schema(body, "notify.schema.json");
  INFO(check.output);
  CHECK(check.exit_status == 0);
  CHECK(body.at("scan_failed") == false);
  const std::string text = body.at("text");

  const json* pinterest = finding(body, "pinterest:2612345678901");
  REQUIRE(pinterest != nullptr);
  CHECK(pinterest->at("status") == "changed");
  const std::string change = "now on 1 new health-context page: /services/mental-health/";
  CHECK(pinterest->at("changes") == json::array({change}));
  CHECK(has(text, "changed Pinterest Tag 2612345678901"));
  CHECK(has(text, "\n    \u2013 " + change));

  CHECK(body.at("removed") == json::array({{{"key", "tiktok:CRF8I2BC77UD2MA14E3G"},
                                            {"vendor", "tiktok"},
                                            {"tag_id", "CRF8I2BC77UD2MA14E3G"},
                                            {"label", "tiktok CRF8I2BC77UD2MA14E3G"}}}));
  CHECK(has(text, "\n\u2022 removed tiktok CRF8I2BC77UD2MA14E3G (tiktok:CRF8I2BC77UD2MA14E3G)"));

  const json* unknown = finding(body, "unknown:cdn.tracker-unknown.test");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->at("host") == "cdn.tracker-unknown.test");
  CHECK(unknown->at("tag_id").is_null());
  CHECK(unknown->at("label") == "unknown third party cdn.tracker-unknown.test");
  CHECK(has(text, "new unknown third party cdn.tracker-unknown.test"));
  CHECK_FALSE(has(text, " :"));  // no blank name or empty ID anywhere
  CHECK_FALSE(has(text, "  \n"));
}

TEST_CASE("notify: the documented example validates against the schema") {
  const std::string doc =
      tagdrift::testing::read_file(fs::path(TAGDRIFT_SOURCE_DIR) / "docs" / "notify.md");
  auto begin = doc.find("```json\n");
  REQUIRE(begin != std::string::npos);
  begin += 8;
  json example = json::parse(doc.substr(begin, doc.find("```", begin) - begin));
  auto check = tagdrift::testing::check_against_schema(example, "notify.schema.json");
  INFO(check.output);
  CHECK(check.exit_status == 0);
}

TEST_CASE("notify: a script newly not read in full is posted once, with its reason") {
  SwitchableSite site;
  site.set("/", 200, page("Clinic", "<script src='/js/app.js'></script>", ""));
  site.set("/js/app.js", 200, "var ready = true;\n", "application/javascript");
  tagdrift::testing::Webhook hook;
  TempDir dir;
  const std::vector<std::string> scan = {"scan",
                                         site.url("/"),
                                         "--db",
                                         (dir.path() / "history.db").string(),
                                         "--quiet",
                                         "--retries",
                                         "0",
                                         "--notify",
                                         hook.url(),
                                         "--output",
                                         (dir.path() / "report.txt").string()};
  ChildResult read = tagdrift_run(scan, dir.path());
  INFO(read.err);
  REQUIRE(read.exit_code == 0);
  CHECK(hook.posts().empty());  // no tag, nothing unread: nothing to say

  // The bundle's URL now answers with an HTML page: its tags, if any, go unseen.
  site.set("/js/app.js", 200, page("Sign in", "", "<form></form>"), "text/html");
  ChildResult unread = tagdrift_run(scan, dir.path());
  INFO(unread.err);
  REQUIRE(unread.exit_code == 0);
  auto posts = hook.posts();
  REQUIRE(posts.size() == 1);
  json body = json::parse(posts[0].body);
  INFO(body.dump(2));
  auto check = tagdrift::testing::check_against_schema(body, "notify.schema.json");
  INFO(check.output);
  CHECK(check.exit_status == 0);
  CHECK(body.at("findings").empty());
  REQUIRE(body.at("unread_scripts").size() == 1);
  const json& script = body.at("unread_scripts").at(0);
  CHECK(script.at("url") == site.url("/js/app.js"));
  CHECK(script.at("reason") == "not-javascript");
  CHECK(script.at("pages") == 1);
  CHECK(script.at("new") == true);
  const std::string text = body.at("text");
  CHECK(has(text, "; 1 script not read in full\n"));
  CHECK(has(text, "\n\u2022 not read in full: " + site.url("/js/app.js") + " (not-javascript"));
  CHECK(has(text, "new since the last scan; loaded by 1 page\n"));

  // Still unread: listed in the reports, but not news a second time.
  ChildResult again = tagdrift_run(scan, dir.path());
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(hook.posts().size() == 1);

  // Read again: no post by itself either.
  site.set("/js/app.js", 200, "var ready = true;\n", "application/javascript");
  ChildResult fixed = tagdrift_run(scan, dir.path());
  INFO(fixed.err);
  REQUIRE(fixed.exit_code == 0);
  CHECK(hook.posts().size() == 1);
}
