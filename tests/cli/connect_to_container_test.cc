// The real `tagdrift scan` on pages that load the real GTM containers of ../shared/corpus/gtm with
// the standard snippet. A TLS server on loopback answers for www.googletagmanager.com:443 through
// --connect-to (curl's convention), so each container is fetched at its real URL. Built only when
// the container corpus exists (TAGDRIFT_GTM_CORPUS_DIR).
#ifdef TAGDRIFT_GTM_CORPUS_DIR

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

const std::string kCorpus = TAGDRIFT_GTM_CORPUS_DIR;
const std::string kTls = std::string(TAGDRIFT_FIXTURES_DIR) + "/tls";

// Serves /gtm.js?id=GTM-... over TLS from the corpus, as www.googletagmanager.com would.
class ContainerServer {
 public:
  explicit ContainerServer(std::map<std::string, std::string> bodies)
      : server_((kTls + "/cert.pem").c_str(), (kTls + "/key.pem").c_str()),
        bodies_(std::move(bodies)) {
    server_.Get("/gtm.js", [this](const httplib::Request& request, httplib::Response& response) {
      auto found = bodies_.find(request.get_param_value("id"));
      if (found == bodies_.end()) {
        response.status = 404;
        return;
      }
      response.set_content(found->second, "application/javascript");
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
  int port() const { return port_; }

 private:
  httplib::SSLServer server_;
  std::map<std::string, std::string> bodies_;
  std::thread thread_;
  int port_ = 0;
};

std::string snippet_page(const std::string& container_id) {
  return "<!doctype html><html><head><title>Clinic</title>\n<script>(function(w,d,s,l,i){w[l]=w[l]"
         "||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d."
         "getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async="
         "true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore("
         "j,f);})(window,document,'script','dataLayer','" +
         container_id + "');</script>\n</head><body><h1>Clinic</h1></body></html>";
}

}  // namespace

TEST_CASE("gtm containers: a scan finds every configured tag of real containers at their URL") {
  const nlohmann::json manifest =
      nlohmann::json::parse(tagdrift::testing::read_file(kCorpus + "/manifest.json"));
  std::map<std::string, std::string> bodies;
  for (const auto& entry : manifest) {
    bodies[entry["container_id"]] =
        tagdrift::testing::read_file(kCorpus + "/" + entry["file"].get<std::string>());
  }
  ContainerServer containers(bodies);
  tagdrift::testing::LoopbackServer site;
  site.http().Get(R"(/c/(GTM-[A-Z0-9]+)/)",
                  [](const httplib::Request& request, httplib::Response& response) {
                    response.set_content(snippet_page(request.matches[1]), "text/html");
                  });
  site.start();
  TempDir dir;
  int listed = 0, found = 0, extra = 0;
  for (const auto& entry : manifest) {
    const std::string id = entry["container_id"];
    ChildResult run = tagdrift::testing::run_child(
        {TAGDRIFT_BINARY, "scan", site.url("/c/" + id + "/"), "--no-db", "--quiet", "--format",
         "json", "--insecure", "--connect-to",
         "www.googletagmanager.com:443:127.0.0.1:" + std::to_string(containers.port())},
        dir.path());
    INFO(id << ": " << run.err);
    REQUIRE(run.exit_code == 0);
    const nlohmann::json report = nlohmann::json::parse(run.out);
    std::map<std::string, std::set<std::string>> listed_ids;
    for (const auto& vendor : entry["vendors"]) {
      listed_ids[vendor["vendor"]] = vendor["ids"].get<std::set<std::string>>();
    }
    std::map<std::string, std::set<std::string>> seen;
    for (const auto& finding : report["findings"]) {
      const std::string vendor = finding["vendor"];
      if (vendor == "unknown" || vendor == "google-tag-manager") continue;
      const std::string tag_id = finding["tag_id"].is_string() ? finding["tag_id"] : "";
      seen[vendor].insert(tag_id);
      auto listed_vendor = listed_ids.find(vendor);
      const bool known = listed_vendor != listed_ids.end() &&
                         (tag_id.empty() || listed_vendor->second.count(tag_id));
      if (!known) {
        ++extra;
        UNSCOPED_INFO(id << ": unlisted " << vendor << " '" << tag_id << "'");
      }
    }
    for (const auto& [vendor, ids] : listed_ids) {
      for (const std::string& tag_id : ids) {
        ++listed;
        if (seen[vendor].count(tag_id)) {
          ++found;
        } else {
          UNSCOPED_INFO(id << ": " << vendor << " '" << tag_id << "' not found");
        }
      }
    }
  }
  WARN("gtm containers over --connect-to: pairs " << found << "/" << listed << ", unlisted "
                                                  << extra);
  CHECK(found == listed);
  CHECK(extra == 0);
}

TEST_CASE("gtm containers: a malformed --connect-to is a usage error") {
  TempDir dir;
  ChildResult run =
      tagdrift::testing::run_child({TAGDRIFT_BINARY, "scan", "http://127.0.0.1:9/", "--no-db",
                                    "--connect-to", "www.googletagmanager.com:443:127.0.0.1"},
                                   dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "tagdrift: bad --connect-to (expected HOST:PORT:CONNECT-HOST:CONNECT-PORT): "
        "'www.googletagmanager.com:443:127.0.0.1'\n");
}

#endif  // TAGDRIFT_GTM_CORPUS_DIR
