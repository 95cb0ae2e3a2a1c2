// The real `tagdrift scan` on a page that loads a small hand-written GTM container from its real
// URL (a TLS server on loopback answers for www.googletagmanager.com:443 through --connect-to):
// only the live tag is reported, with the container that configures it, and a new version of the
// container is named in the next scan, its new tag new and its old tag known.
#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/cli/switchable_site.h"
#include "tests/report/schema_check.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::TempDir;

namespace {

const std::string kTls = std::string(TAGDRIFT_FIXTURES_DIR) + "/tls";
constexpr const char* kContainerUrl = "https://www.googletagmanager.com/gtm.js?id=GTM-TEST01";

// Serves one gtm.js over TLS, as www.googletagmanager.com would; the test publishes new versions.
class ContainerServer {
 public:
  ContainerServer() : server_((kTls + "/cert.pem").c_str(), (kTls + "/key.pem").c_str()) {
    server_.Get("/gtm.js", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      if (request.get_param_value("id") != "GTM-TEST01") {
        response.status = 404;
        return;
      }
      response.set_content(body_, "application/javascript");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~ContainerServer() {
    server_.stop();
    thread_.join();
  }
  void publish(std::string body) {
    std::lock_guard lock(mutex_);
    body_ = std::move(body);
  }
  int port() const { return port_; }

 private:
  httplib::SSLServer server_;
  std::mutex mutex_;
  std::string body_;
  std::thread thread_;
  int port_ = 0;
};

// Tag 17 (LinkedIn Insight, its ID in a Constant variable) fires on All Pages; tag 18 is a paused
// Google Ads tag the same rule names; tag 19 (a Pinterest tag) no rule fires. Version 42 adds tag
// 20, a Pinterest tag that fires on All Pages.
std::string container(int version) {
  std::string tags =
      R"([{"function":"__bzi","vtp_id":["macro",1],"tag_id":17},)"
      R"({"function":"__paused","vtp_originalTagType":"awct","vtp_conversionId":"987654321","tag_id":18},)"
      R"({"function":"__pntr","vtp_tagId":"2612345678901","tag_id":19})";
  std::string fired = "0,1";
  if (version >= 42) {
    tags += R"(,{"function":"__pntr","vtp_tagId":"2613841993049","tag_id":20})";
    fired += ",3";
  }
  return R"(var data = {"resource": {"version": ")" + std::to_string(version) +
         R"(", "macros": [{"function":"__e"},{"function":"__c","vtp_value":"1341164"}], "tags": )" +
         tags +
         R"(], "predicates": [{"function":"_eq","arg0":["macro",0],"arg1":"gtm.js"}], )"
         R"("rules": [[["if",0],["add",)" +
         fired + "]]]}};\n/* the runtime */\n";
}

constexpr const char* kSnippetPage =
    "<!doctype html><html><head><title>Clinic</title>\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];"
    "w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)"
    "[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://"
    "www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,"
    "'script','dataLayer','GTM-TEST01');</script>\n</head><body><h1>Clinic</h1></body></html>";

// Findings of vendors a container configures (not the tag manager itself).
std::vector<json> configured(const json& report) {
  std::vector<json> out;
  for (const json& finding : report["findings"]) {
    if (finding["vendor"] != "google-tag-manager" && finding["vendor"] != "unknown") {
      out.push_back(finding);
    }
  }
  return out;
}

const json* finding_of(const std::vector<json>& findings, const std::string& key) {
  for (const json& finding : findings) {
    if (finding["key"] == key) return &finding;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("container report: the live tag is named with its container; a new version is noted") {
  ContainerServer gtm;
  gtm.publish(container(41));
  tagdrift::testing::SwitchableSite site;
  site.set("/", 200, kSnippetPage);
  TempDir dir;
  const std::vector<std::string> through = {
      "--insecure",
      "--connect-to",
      "www.googletagmanager.com:443:127.0.0.1:" + std::to_string(gtm.port()),
      "--db",
      (dir.path() / "history.db").string(),
      "--quiet"};
  auto scan = [&](const std::string& format) {
    std::vector<std::string> args = {"scan", site.url("/"), "--format", format};
    args.insert(args.end(), through.begin(), through.end());
    return tagdrift::testing::tagdrift_run(args, dir.path());
  };

  ChildResult first = scan("json");
  INFO("stderr: " << first.err);
  REQUIRE(first.exit_code == 0);
  const json one = json::parse(first.out);
  CHECK(tagdrift::testing::check_against_schema(one, "report.schema.json").output == "");
  const std::vector<json> live = configured(one);
  REQUIRE(live.size() == 1);  // not the paused tag, not the tag no rule fires
  CHECK(live[0]["key"] == "linkedin:1341164");
  CHECK(live[0]["status"] == "new");
  REQUIRE(live[0]["pages"].size() == 1);
  CHECK(live[0]["pages"][0]["via"] == kContainerUrl);
  CHECK(live[0]["pages"][0]["container"] == json({{"id", "GTM-TEST01"},
                                                  {"version", "41"},
                                                  {"tag_id", 17},
                                                  {"template", "__bzi"},
                                                  {"firing", "All Pages"},
                                                  {"resolved", "constant (macro 1)"}}));
  CHECK(one["containers"] == json::array({{{"id", "GTM-TEST01"},
                                           {"url", kContainerUrl},
                                           {"version", "41"},
                                           {"previous_version", nullptr},
                                           {"version_changed", false}}}));

  gtm.publish(container(42));
  ChildResult second = scan("text");
  INFO("stderr: " << second.err);
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("containers: GTM-TEST01 version 41 \u2192 42\n") != std::string::npos);
  CHECK(second.out.find("New (1)") != std::string::npos);
  CHECK(second.out.find(
            "      container: GTM-TEST01 v42, tag 20 __pntr, fires on All Pages, ID written in the "
            "tag\n") != std::string::npos);
  CHECK(second.out.find("      container: GTM-TEST01 v42, tag 17 __bzi, fires on All Pages, ID "
                        "from constant (macro 1)\n") != std::string::npos);

  // The stored scan reads back as the scan rendered it: the same text, and in JSON the new tag
  // new, the old one known, the version change with it.
  ChildResult past = tagdrift::testing::tagdrift_run(
      {"report", "--db", (dir.path() / "history.db").string(), "--format", "text"}, dir.path());
  INFO("stderr: " << past.err);
  CHECK(past.exit_code == 0);
  CHECK(past.out == second.out);
  ChildResult past_json = tagdrift::testing::tagdrift_run(
      {"report", "--db", (dir.path() / "history.db").string(), "--format", "json"}, dir.path());
  REQUIRE(past_json.exit_code == 0);
  const json two = json::parse(past_json.out);
  CHECK(tagdrift::testing::check_against_schema(two, "report.schema.json").output == "");
  const std::vector<json> now = configured(two);
  CHECK(now.size() == 2);
  const json* added = finding_of(now, "pinterest:2613841993049");
  const json* kept = finding_of(now, "linkedin:1341164");
  REQUIRE(added != nullptr);
  REQUIRE(kept != nullptr);
  CHECK((*added)["status"] == "new");
  CHECK((*added)["pages"][0]["container"]["tag_id"] == 20);
  CHECK((*added)["pages"][0]["container"]["resolved"] == "literal");
  CHECK((*kept)["status"] == "known");
  CHECK((*kept)["pages"][0]["container"]["version"] == "42");
  CHECK(finding_of(now, "pinterest:2612345678901") == nullptr);  // still fired by no rule
  CHECK(two["containers"][0]["previous_version"] == "41");
  CHECK(two["containers"][0]["version"] == "42");
  CHECK(two["containers"][0]["version_changed"] == true);

  // Nothing changed: the rescan reuses the page unparsed, and its tags still name the container.
  ChildResult third = scan("json");
  INFO("stderr: " << third.err);
  REQUIRE(third.exit_code == 0);
  const json three = json::parse(third.out);
  REQUIRE(three["pages"].size() == 1);
  CHECK(three["pages"][0]["reused"] == true);
  const std::vector<json> reused = configured(three);
  const json* still = finding_of(reused, "pinterest:2613841993049");
  REQUIRE(still != nullptr);
  CHECK((*still)["status"] == "known");
  CHECK((*still)["pages"][0]["container"]["tag_id"] == 20);
  CHECK((*still)["pages"][0]["container"]["version"] == "42");
  CHECK(three["containers"][0]["previous_version"] == "42");
  CHECK(three["containers"][0]["version_changed"] == false);
}

TEST_CASE("container report: --notify names each new tag's container and the new version") {
  ContainerServer gtm;
  gtm.publish(container(41));
  tagdrift::testing::SwitchableSite site;
  site.set("/", 200, kSnippetPage);
  tagdrift::testing::Webhook hook;
  TempDir dir;
  const std::vector<std::string> scan = {
      "scan",
      site.url("/"),
      "--insecure",
      "--connect-to",
      "www.googletagmanager.com:443:127.0.0.1:" + std::to_string(gtm.port()),
      "--db",
      (dir.path() / "history.db").string(),
      "--quiet",
      "--notify",
      hook.url()};
  ChildResult first = tagdrift::testing::tagdrift_run(scan, dir.path());
  INFO("stderr: " << first.err);
  REQUIRE(first.exit_code == 0);
  gtm.publish(container(42));
  ChildResult second = tagdrift::testing::tagdrift_run(scan, dir.path());
  INFO("stderr: " << second.err);
  REQUIRE(second.exit_code == 0);

  auto posts = hook.posts();
  REQUIRE(posts.size() == 2);
  const json one = json::parse(posts[0].body);
  const json two = json::parse(posts[1].body);
  INFO(one.dump(2) << two.dump(2));
  for (const json& body : {one, two}) {
    auto check = tagdrift::testing::check_against_schema(body, "notify.schema.json");
    INFO(check.output);
    CHECK(check.exit_status == 0);
  }
  const std::string linkedin =
      "GTM-TEST01 v41, tag 17 __bzi, fires on All Pages, ID from constant (macro 1)";
  const std::vector<json> first_findings = configured(one);
  const json* found = finding_of(first_findings, "linkedin:1341164");
  REQUIRE(found != nullptr);
  CHECK((*found)["containers"] == json::array({linkedin}));
  CHECK(one["container_versions"] == json::array());  // a first scan has no version to compare

  const std::string pinterest =
      "GTM-TEST01 v42, tag 20 __pntr, fires on All Pages, ID written in the tag";
  const std::vector<json> second_findings = configured(two);
  REQUIRE(second_findings.size() == 1);  // the LinkedIn tag is known now
  CHECK(second_findings[0]["key"] == "pinterest:2613841993049");
  CHECK(second_findings[0]["containers"] == json::array({pinterest}));
  CHECK(two["container_versions"] == json::array({{{"id", "GTM-TEST01"},
                                                   {"url", kContainerUrl},
                                                   {"version", "42"},
                                                   {"previous_version", "41"}}}));
  const std::string text = two["text"];
  CHECK(text.find("\n    container: " + pinterest + "\n") != std::string::npos);
  CHECK(text.find("\n\u2022 container GTM-TEST01 version 41 \u2192 42\n") != std::string::npos);
}
