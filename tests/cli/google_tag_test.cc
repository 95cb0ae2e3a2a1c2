// The real `tagdrift scan` on a page with the standard Google tag snippet: a TLS server on
// loopback answers for www.googletagmanager.com:443 through --connect-to, serving a hand-written
// gtag/js in the served shape, and the destinations linked in it are reported by product.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::testing::ChildResult;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

const std::string kFixtures = TAGDRIFT_FIXTURES_DIR;

// Serves /gtag/js?id=... over TLS from tests/fixtures/gtag/<id>.js.
class GoogleTagServer {
 public:
  GoogleTagServer()
      : server_((kFixtures + "/tls/cert.pem").c_str(), (kFixtures + "/tls/key.pem").c_str()) {
    server_.Get("/gtag/js", [](const httplib::Request& request, httplib::Response& response) {
      const std::string id = request.get_param_value("id");
      if (id != "G-LINKED1") {
        response.status = 404;
        return;
      }
      response.set_content(tagdrift::testing::read_file(kFixtures + "/gtag/" + id + ".js"),
                           "application/javascript");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~GoogleTagServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::SSLServer server_;
  std::thread thread_;
  int port_ = 0;
};

constexpr const char* kPage =
    "<!doctype html><html><head><title>Clinic</title>\n"
    "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-LINKED1\"></script>\n"
    "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
    " gtag('js', new Date()); gtag('config', 'G-LINKED1');</script>\n"
    "</head><body><h1>Clinic</h1></body></html>";

}  // namespace

TEST_CASE("google tag: a scan reports the destinations linked in the Google tag by product") {
  GoogleTagServer google;
  tagdrift::testing::LoopbackServer site;
  site.http().Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(kPage, "text/html");
  });
  site.start();
  TempDir dir;
  ChildResult run = tagdrift::testing::run_child(
      {TAGDRIFT_BINARY, "scan", site.url("/"), "--no-db", "--quiet", "--format", "json",
       "--insecure", "--connect-to",
       "www.googletagmanager.com:443:127.0.0.1:" + std::to_string(google.port())},
      dir.path());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(run.out);
  std::map<std::string, std::string> products;  // key -> product
  for (const auto& finding : report["findings"]) {
    products[finding["key"]] = finding["product"].is_string() ? finding["product"] : "";
  }
  // Nothing from Google's runtime code after the resource, nothing from a tag no rule fires.
  CHECK(products == std::map<std::string, std::string>{
                        {"google-analytics:G-LINKED1", "Google Analytics (gtag.js)"},
                        {"google-ads:AW-620935990", "Google Ads"},
                        {"google-ads:DC-8765432", "Floodlight (Campaign Manager 360)"}});
}

TEST_CASE("google tag: a Google tag that cannot be fetched leaves the page's own tag") {
  tagdrift::testing::LoopbackServer site;
  site.http().Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(kPage, "text/html");
  });
  site.start();
  TempDir dir;
  // Port 9 on loopback: nothing listens, the fetch fails, the scan goes on.
  ChildResult run = tagdrift::testing::run_child(
      {TAGDRIFT_BINARY, "scan", site.url("/"), "--no-db", "--quiet", "--format", "json",
       "--insecure", "--connect-to", "www.googletagmanager.com:443:127.0.0.1:9"},
      dir.path());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(run.out);
  std::set<std::string> keys;
  for (const auto& finding : report["findings"]) keys.insert(finding["key"]);
  CHECK(keys == std::set<std::string>{"google-analytics:G-LINKED1"});
}
