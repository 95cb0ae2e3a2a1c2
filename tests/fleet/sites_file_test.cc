#include "fleet/sites_file.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::Error;
using tagdrift::fleet::parse_sites;
using tagdrift::fleet::SiteEntry;
using tagdrift::testing::TempDir;

namespace {

// The one-line message a refused sites file gives.
std::string refusal(const std::string& text, const std::filesystem::path& folder = "/") {
  try {
    parse_sites(text, "sites.toml", folder);
  } catch (const Error& error) {
    CHECK(error.code() == tagdrift::ExitCode::kUsage);
    return error.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("sites file: every key of a [[site]] table is read, in file order") {
  TempDir dir;
  dir.write("built/index.html", "<h1>hi</h1>");
  std::vector<SiteEntry> sites = parse_sites(R"(
[[site]]
name = "main"
targets = ["https://www.clinic.test/"]
scope = "domain"
include = "^https://www\\.clinic\\.test/en/"
exclude = ["/print/", "/search"]
fail_on = "high"
max_pages = 200
group = "hospital"
notify = "https://hooks.example.test/tagdrift"
policy = "policies/main.toml"

[[site]]
name = "landing"
targets = ["built"]
base_url = "https://landing.clinic.test/"
)",
                                             "sites.toml", dir.path());
  REQUIRE(sites.size() == 2);
  const SiteEntry& main = sites[0];
  CHECK(main.name == "main");
  CHECK(main.where == "sites.toml:2:1");
  CHECK(main.targets == std::vector<std::string>{"https://www.clinic.test/"});
  CHECK(main.scope == "domain");
  CHECK(main.include == std::vector<std::string>{"^https://www\\.clinic\\.test/en/"});
  CHECK(main.exclude == std::vector<std::string>{"/print/", "/search"});
  CHECK(main.fail_on == tagdrift::drift::FailOn::kHigh);
  CHECK(main.max_pages == 200u);
  CHECK(main.group == "hospital");
  CHECK(main.notify == "https://hooks.example.test/tagdrift");
  CHECK(main.policy == (dir.path() / "policies/main.toml").string());
  const SiteEntry& landing = sites[1];
  CHECK(landing.targets == std::vector<std::string>{(dir.path() / "built").string()});
  CHECK(landing.base_url == "https://landing.clinic.test/");
  CHECK_FALSE(landing.fail_on);
  CHECK_FALSE(landing.max_pages);
}

TEST_CASE("sites file: a syntax error names its line and column") {
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"https://a.test/\"\n") ==
        "sites.toml:3:30: Error while parsing array: encountered end-of-file");
}

TEST_CASE("sites file: an unknown key is named, with the key meant") {
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"https://a.test/\"]\nmax_page = 3\n") ==
        "sites.toml:4:1: unknown key 'max_page' in [[site]] (name, targets, base_url, scope, "
        "include, exclude, policy, notify, fail_on, max_pages, group); did you mean "
        "'max_pages'?");
  CHECK(refusal("[[sites]]\nname = \"a\"\n") ==
        "sites.toml:1:3: unknown key 'sites' (the file holds [[site]] tables); did you mean "
        "'site'?");
}

TEST_CASE("sites file: a value of the wrong type names its key") {
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"https://a.test/\"]\nmax_pages = \"ten\"\n") ==
        "sites.toml:4:13: 'max_pages' must be a whole number above 0");
  CHECK(refusal("[[site]]\nname = 7\n") == "sites.toml:2:8: 'name' must be a string");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [1]\n") ==
        "sites.toml:3:12: 'targets' must be a string");
  CHECK(refusal("site = \"a\"\n") == "sites.toml:1:8: 'site' must be [[site]] tables");
}

TEST_CASE("sites file: a second site of the same name points at the first") {
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"https://a.test/\"]\n"
                "[[site]]\nname = \"a\"\ntargets = [\"https://b.test/\"]\n") ==
        "sites.toml:5:8: duplicate site name 'a' (first at sites.toml:1:1)");
}

TEST_CASE("sites file: a site needs a name and targets") {
  CHECK(refusal("[[site]]\ntargets = [\"https://a.test/\"]\n") ==
        "sites.toml:1:1: [[site]] has no 'name'");
  CHECK(refusal("[[site]]\nname = \"a\"\n") == "sites.toml:1:1: site 'a' has no 'targets'");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = []\n") == "sites.toml:3:11: 'targets' is empty");
  CHECK(refusal("# nothing\n") == "sites.toml: no [[site]] tables");
}

TEST_CASE("sites file: a bad URL, target, pattern, scope or fail_on names its place") {
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"https://a.test/\", \"https:///x\"]\n") ==
        "sites.toml:3:31: target is not a usable URL: https:///x");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = [\"no-such-folder\"]\n") ==
        "sites.toml:3:12: target is neither an http(s) URL nor a directory: no-such-folder");
  CHECK(
      refusal("[[site]]\nname = \"a\"\ntargets = \"https://a.test/\"\nbase_url = \"ftp://x\"\n") ==
      "sites.toml:4:12: 'base_url' needs an http:// or https:// URL with a host: ftp://x");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = \"https://a.test/\"\ninclude = \"(\"\n") ==
        "sites.toml:4:11: bad 'include' pattern '(': missing ): (");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = \"https://a.test/\"\nscope = \"site\"\n") ==
        "sites.toml:4:9: bad scope 'site' (host or domain)");
  CHECK(refusal("[[site]]\nname = \"a\"\ntargets = \"https://a.test/\"\nfail_on = \"hihg\"\n") ==
        "sites.toml:4:11: bad fail_on 'hihg' (never, policy, new, high or critical); did you "
        "mean 'high'?");
}

TEST_CASE("sites file: an unreadable file is refused by name") {
  TempDir dir;
  try {
    tagdrift::fleet::load_sites_file((dir.path() / "missing.toml").string());
    FAIL("accepted a missing file");
  } catch (const Error& error) {
    CHECK(std::string(error.what()) ==
          (dir.path() / "missing.toml").string() + ": cannot read the sites file");
  }
}
