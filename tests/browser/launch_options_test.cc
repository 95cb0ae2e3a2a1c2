#include "browser/launch_options.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "browser/chromium.h"
#include "browser/network_flags.h"
#include "browser/page_visit.h"
#include "browser/spki_hashes.h"
#include "tests/support/chromium.h"
#include "tests/support/loopback_server.h"

using tagdrift::browser::chromium_arguments;
using tagdrift::browser::LaunchOptions;

namespace {

bool has(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

}  // namespace

TEST_CASE("launch options: headless on the debugging pipe with its own profile, sandboxed") {
  LaunchOptions options;
  options.program = "bin/chromium-headless-shell";
  const auto args = chromium_arguments(options, "profiles/one");
  CHECK(args.front() == "bin/chromium-headless-shell");
  CHECK(has(args, "--remote-debugging-pipe"));
  CHECK(has(args, "--headless"));
  CHECK(has(args, "--user-data-dir=profiles/one"));
  CHECK_FALSE(has(args, "--no-sandbox"));
  CHECK_FALSE(has(args, "--ignore-certificate-errors"));
  for (const auto& arg : args) CHECK(arg.rfind("--proxy-server", 0) != 0);
}

TEST_CASE("launch options: the network options become Chromium switches") {
  LaunchOptions options;
  options.program = "chromium";
  options.no_sandbox = true;
  options.host_resolver_rules = {"MAP a.test:443 127.0.0.1:8443", "MAP b.test:80 127.0.0.1:8080"};
  options.trusted_spki = {"AAAA", "BBBB"};
  options.insecure = true;
  options.proxy = "http://127.0.0.1:3128";
  const auto args = chromium_arguments(options, "/p");
  CHECK(has(args, "--no-sandbox"));
  CHECK(has(args,
            "--host-resolver-rules=MAP a.test:443 127.0.0.1:8443,MAP b.test:80 127.0.0.1:8080"));
  CHECK(has(args, "--ignore-certificate-errors-spki-list=AAAA,BBBB"));
  CHECK(has(args, "--ignore-certificate-errors"));
  CHECK(has(args, "--proxy-server=http://127.0.0.1:3128"));
  CHECK(has(args, "--proxy-bypass-list=<-loopback>"));
}

namespace {

const std::string kTls = std::string(TAGDRIFT_FIXTURES_DIR) + "/tls/";

// A TLS server on loopback with the test certificate (made for www.googletagmanager.com): a page
// that loads Pinterest's tag host, which answers with a third-party cookie.
class VendorSite {
 public:
  VendorSite() : server_((kTls + "cert.pem").c_str(), (kTls + "key.pem").c_str()) {
    server_.Get("/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<title>page</title><script src='https://ct.pinterest.com/v3/?tid=2612345678901"
          "&event=pagevisit'></script>",
          "text/html");
    });
    server_.Get("/v3/", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Set-Cookie", "_pin_unauth=1; Max-Age=3600; SameSite=None; Secure; Path=/");
      res.set_content("", "text/javascript");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~VendorSite() {
    server_.stop();
    thread_.join();
  }
  // --resolve-style rules sending both vendor hosts' port 443 here.
  std::vector<std::string> rules() const {
    return tagdrift::browser::host_resolver_rules(
        {}, {"www.googletagmanager.com:443:127.0.0.1:" + std::to_string(port_),
             "ct.pinterest.com:443:127.0.0.1:" + std::to_string(port_)});
  }

 private:
  httplib::SSLServer server_;
  std::thread thread_;
  int port_ = 0;
};

tagdrift::browser::VisitOptions quick() {
  tagdrift::browser::VisitOptions options;
  options.navigation_timeout = std::chrono::seconds(10);
  options.runtime_wait = std::chrono::seconds(2);
  options.quiet_window = std::chrono::milliseconds(300);
  return options;
}

}  // namespace

TEST_CASE("launch options: vendor hosts mapped to loopback, TLS trusted through the bundle") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  VendorSite site;
  const std::string page = "https://www.googletagmanager.com/page";
  launch->host_resolver_rules = site.rules();

  SECTION("the bundle's certificate is trusted") {
    launch->trusted_spki = tagdrift::browser::spki_hashes(kTls + "cert.pem");
    tagdrift::browser::Chromium browser(*launch);
    const auto visit = tagdrift::browser::visit_page(browser.devtools(), page, quick());
    INFO(visit.error);
    CHECK(visit.error.empty());
    CHECK(visit.loaded);
    const auto beacon = std::find_if(
        visit.requests.begin(), visit.requests.end(),
        [](const auto& r) { return r.url.rfind("https://ct.pinterest.com/v3/", 0) == 0; });
    REQUIRE(beacon != visit.requests.end());
    CHECK(beacon->resource_type == "Script");
    REQUIRE(visit.cookies.size() == 1);
    CHECK(visit.cookies[0].name == "_pin_unauth");
    CHECK(visit.cookies[0].domain == "ct.pinterest.com");
    CHECK(visit.cookies[0].third_party);
  }
  SECTION("without the bundle the certificate is refused") {
    tagdrift::browser::Chromium browser(*launch);
    const auto visit = tagdrift::browser::visit_page(browser.devtools(), page, quick());
    CHECK(visit.error == "navigation failed: net::ERR_CERT_AUTHORITY_INVALID");
  }
  SECTION("--insecure skips the checks") {
    launch->insecure = true;
    tagdrift::browser::Chromium browser(*launch);
    const auto visit = tagdrift::browser::visit_page(browser.devtools(), page, quick());
    CHECK(visit.error.empty());
    CHECK(visit.loaded);
  }
}

TEST_CASE("launch options: pages go through the proxy") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::LoopbackServer proxy;
  std::atomic<int> proxied{0};
  // A proxy is asked for the absolute URL; this one answers for the site itself.
  proxy.http().Get(R"(http://www\.clinic\.test/.*)",
                   [&](const httplib::Request&, httplib::Response& res) {
                     ++proxied;
                     res.set_content("<title>via proxy</title>", "text/html");
                   });
  proxy.start();
  launch->proxy = proxy.url("");
  tagdrift::browser::Chromium browser(*launch);
  const auto visit =
      tagdrift::browser::visit_page(browser.devtools(), "http://www.clinic.test/", quick());
  INFO(visit.error);
  CHECK(visit.error.empty());
  CHECK(visit.loaded);
  CHECK(proxied == 1);
}
