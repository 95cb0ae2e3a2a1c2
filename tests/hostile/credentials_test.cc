// End to end through the real program: staging credentials (--header, --cookie, basic auth from
// the environment) and secrets in URLs reach the server, and nothing else: not the history file,
// not a report in any format, not the program's output or logs.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "tests/hostile/tagdrift_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::run_tagdrift;
using tagdrift::testing::TempDir;

namespace {

const std::vector<std::string> kFormats = {"text", "json", "markdown", "junit", "sarif"};
const char* kAuthVariable = "TAGDRIFT_HOSTILE_STAGING_AUTH";

std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

// What the server saw: every Authorization, Cookie and X-Api-Key value and every query string.
struct Received {
  void add(const httplib::Request& req) {
    std::lock_guard lock(mutex);
    for (const char* name : {"Authorization", "Cookie", "X-Api-Key"}) {
      if (req.has_header(name)) values.insert(req.get_header_value(name));
    }
    for (const auto& [name, value] : req.params) values.insert(name + "=" + value);
  }
  bool saw(const std::string& text) {
    std::lock_guard lock(mutex);
    for (const auto& value : values) {
      if (value.find(text) != std::string::npos) return true;
    }
    return false;
  }
  std::mutex mutex;
  std::set<std::string> values;
};

}  // namespace

TEST_CASE("credentials: secrets reach the server and no history, report, output or log") {
  std::mt19937_64 random(std::random_device{}());
  auto secret = [&random](const char* what) {
    return std::string("SECRET-") + what + "-" + std::to_string(random() % 1000000000000);
  };
  const std::string bearer = secret("BEARER"), cookie = secret("COOKIE"),
                    password = secret("BASIC"), api_key = secret("APIKEY"),
                    cookie2 = secret("COOKIE2"), link_token = secret("LINKTOKEN"),
                    userinfo = secret("USERINFO"), seed_key = secret("SEEDKEY"),
                    failing_token = secret("FAILTOKEN"), loop_token = secret("LOOPTOKEN");
  const std::string basic = "Basic " + base64("auditor:" + password);

  LoopbackServer server;
  Received received;
  const std::string page =
      "<!doctype html><html><head><title>Staging</title><script async "
      "src='https://www.googletagmanager.com/gtag/js?id=G-STAGING123'></script></head><body>";
  // Every page wants one of the two credential sets, so a scan that dropped them would fail.
  server.http().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    received.add(req);
    const std::string auth = req.get_header_value("Authorization");
    const std::string cookies = req.get_header_value("Cookie");
    bool first_set =
        auth == "Bearer " + bearer && cookies.find("session=" + cookie) != std::string::npos;
    bool second_set = auth == basic && req.get_header_value("X-Api-Key") == api_key &&
                      cookies.find("sid=" + cookie2) != std::string::npos;
    if (req.path == "/down") {
      res.status = 503;
    } else if (req.path == "/loop-a" || req.path == "/loop-b") {
      // A redirect loop: its error message names a URL with a secret in it.
      res.set_redirect(std::string(req.path == "/loop-a" ? "/loop-b" : "/loop-a") +
                       "?token=" + loop_token);
    } else if (req.path == "/robots.txt" || req.path == "/sitemap.xml") {
      res.status = 404;
    } else if (!first_set && !second_set) {
      res.status = 401;
    } else if (req.path == "/") {
      res.set_content(
          page + "<a href='/a/?token=" + link_token + "&x=1'>a</a><a href='http://u:" + userinfo +
              "@127.0.0.1:" + std::to_string(server.port()) +
              "/b/'>b</a><a href='/loop-a?token=" + loop_token + "'>l</a></body></html>",
          "text/html");
    } else {
      res.set_content(page + "</body></html>", "text/html");
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  server.start();
  TempDir dir;
  const std::string db = (dir.path() / "x.db").string();
  const std::string seed = server.url("/?key=" + seed_key);
  const std::vector<std::string> first_set = {"--header", "Authorization: Bearer " + bearer,
                                              "--cookie", "session=" + cookie};
  const std::vector<std::string> second_set = {"--basic-auth-env", kAuthVariable,
                                               "--header",         "X-Api-Key: " + api_key,
                                               "--cookie",         "sid=" + cookie2};
  const std::vector<std::string> env = {std::string(kAuthVariable) + "=auditor:" + password};

  // Everything the program wrote anywhere, to search at the end.
  std::string everything;
  auto keep = [&everything](const ChildResult& run) { everything += run.out + run.err; };

  // Each credential set with each report format, the report on stdout.
  for (const auto& format : kFormats) {
    for (const auto* credentials : {&first_set, &second_set}) {
      std::vector<std::string> args = {"scan", seed, "--db", db, "--format", format};
      args.insert(args.end(), credentials->begin(), credentials->end());
      auto run = run_tagdrift(args, dir.path(), env);
      INFO(format << ": " << run.err);
      CHECK(run.exit_code == 0);
      CHECK(run.out.find("G-STAGING123") != std::string::npos);
      keep(run);
    }
  }
  // The history says every page was fetched: the credentials opened the site.
  auto pages = tagdrift::testing::query(
      db,
      "SELECT count(*), sum(error = '') FROM pages WHERE scan_id = (SELECT max(id) FROM scans)");
  CHECK(pages == std::vector<std::vector<std::string>>{{"4", "3"}});
  CHECK(received.saw("token=" + loop_token));
  CHECK(received.saw("Bearer " + bearer));
  CHECK(received.saw("session=" + cookie));
  CHECK(received.saw(basic));
  CHECK(received.saw(api_key));
  CHECK(received.saw("sid=" + cookie2));
  CHECK(received.saw("token=" + link_token));
  CHECK(received.saw("key=" + seed_key));

  // A target that fails prints its URL on stderr: the secret in it must be masked there too.
  auto failed = run_tagdrift(
      {"scan", server.url("/down?token=" + failing_token), "--db", db, "--retries", "0"},
      dir.path());
  CHECK(failed.exit_code == 3);
  CHECK(failed.err.find("/down") != std::string::npos);
  CHECK(received.saw("token=" + failing_token));
  keep(failed);

  // Past scans re-rendered, compared, listed.
  const std::string site = server.url("");
  for (const auto& format : kFormats) {
    for (const char* scan : {"1", "2", "10"}) {
      keep(run_tagdrift({"report", scan, "--db", db, "--site", site, "--format", format},
                        dir.path()));
    }
    keep(run_tagdrift({"diff", "1", "10", "--db", db, "--site", site, "--format", format},
                      dir.path()));
  }
  for (const char* command : {"history", "tags"}) {
    for (const char* format : {"text", "json"}) {
      auto run = run_tagdrift({command, "--db", db, "--format", format}, dir.path());
      CHECK(run.exit_code == 0);
      keep(run);
    }
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    auto path = dir.path() / (std::string("x.db") + suffix);
    if (std::filesystem::exists(path)) everything += tagdrift::testing::read_file(path);
  }
  CHECK(everything.find("G-STAGING123") != std::string::npos);  // the search can find things
  for (const auto& text : {bearer, cookie, password, base64("auditor:" + password), api_key,
                           cookie2, link_token, userinfo, seed_key, failing_token, loop_token}) {
    INFO(text);
    CHECK(everything.find(text) == std::string::npos);
  }
}
