// Hostile redirects: an endless chain, and redirects and links to file://, gopher:// and ftp://.
// Nothing but http(s) is ever fetched.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <stdexcept>

#include "tests/hostile/hostile_site.h"

// The hostile-test kit: HostileSite, check_scan, page_error, the size units and bounds.
using namespace tagdrift::testing;  // NOLINT(google-build-using-namespace)

namespace {

constexpr int kDefaultMaxRedirects = 10;  // --max-redirects

// A TCP port on 127.0.0.1 that listens and never answers: the target of redirects to other
// protocols, to prove that no connection was ever made.
class SilentListener {
 public:
  SilentListener() : fd_(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        listen(fd_, 16) != 0 || getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size)) {
      throw std::runtime_error("cannot listen on loopback");
    }
    port_ = ntohs(address.sin_port);
  }
  ~SilentListener() { close(fd_); }
  int port() const { return port_; }
  // Connections made so far (accepted and closed here).
  int connections() {
    int count = 0;
    for (int client; (client = accept(fd_, nullptr, nullptr)) >= 0; ++count) close(client);
    return count;
  }

 private:
  int fd_;
  int port_ = 0;
};

}  // namespace

TEST_CASE("hostile: an endless redirect chain ends at --max-redirects") {
  HostileSite site;
  site.seed_links({"/r/0"});
  site.server.http().Get(R"(/r/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/r/" + std::to_string(std::stoll(req.matches[1]) + 1));
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("endless redirects", run, site, kQuickSeconds, kMaxRssKb);
  CHECK(page_error(run, dir, site.server.url("/r/0")).find("redirects") != std::string::npos);
  CHECK(site.log.count_prefix("/r/") == kDefaultMaxRedirects + 1);
}

TEST_CASE("hostile: redirects and links to file://, gopher:// and ftp:// read nothing") {
  TempDir dir;
  std::mt19937_64 random(std::random_device{}());
  const std::string secret = "TAGDRIFT-PLANTED-SECRET-" + std::to_string(random());
  const auto secret_file = dir.write("planted/secret.html", "<p>" + secret + "</p>\n");
  const std::string file_url = "file://" + secret_file.string();
  SilentListener gopher, ftp;
  const std::string gopher_url = "gopher://127.0.0.1:" + std::to_string(gopher.port()) + "/";
  const std::string ftp_url = "ftp://127.0.0.1:" + std::to_string(ftp.port()) + "/";

  HostileSite site;
  std::map<std::string, std::string> redirects = {{"/to-file", file_url},
                                                  {"/to-passwd", "file:///etc/passwd"},
                                                  {"/to-gopher", gopher_url},
                                                  {"/to-ftp", ftp_url}};
  for (const auto& [path, target] : redirects) {
    site.server.http().Get(path, [target](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(target);
    });
  }
  // A page whose tag scripts live on other protocols: the detectors' script fetches too.
  site.server.http().Get("/scripts", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("<script src='" + file_url + "'></script><script src='" + ftp_url +
                        "x.js'></script><iframe src='" + gopher_url + "'></iframe>",
                    "text/html");
  });
  site.seed_links(
      {"/to-file", "/to-passwd", "/to-gopher", "/to-ftp", "/scripts", file_url, gopher_url});
  site.server.start();
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("file/gopher/ftp", run, site, kQuickSeconds, kMaxRssKb);
  for (const auto& [path, target] : redirects) {
    INFO(path);
    CHECK(page_error(run, dir, site.server.url(path)).find("not http(s)") != std::string::npos);
  }
  CHECK(gopher.connections() == 0);
  CHECK(ftp.connections() == 0);
  std::string everything = run.report.dump() + run.child.out + run.child.err;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    auto path = dir.path() / (std::string("x.db") + suffix);
    if (std::filesystem::exists(path)) everything += tagdrift::testing::read_file(path);
  }
  CHECK(everything.find(secret) == std::string::npos);
  CHECK(everything.find("root:x:0:0") == std::string::npos);
}
