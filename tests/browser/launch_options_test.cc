#include "browser/launch_options.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using tagdrift::browser::chromium_arguments;
using tagdrift::browser::LaunchOptions;

namespace {

bool has(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

}  // namespace

TEST_CASE("launch options: headless on the debugging pipe with its own profile, sandboxed") {
  LaunchOptions options;
  options.program = "/usr/bin/chromium-headless-shell";
  const auto args = chromium_arguments(options, "/tmp/profile");
  CHECK(args.front() == "/usr/bin/chromium-headless-shell");
  CHECK(has(args, "--remote-debugging-pipe"));
  CHECK(has(args, "--headless"));
  CHECK(has(args, "--user-data-dir=/tmp/profile"));
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
