// Loading signatures: embedded files, --signatures overrides, and one-line errors for bad files
// (detectors/signature_set.cc, detectors/signature_file.cc).
#include "detectors/signature_set.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"
#include "util/error.h"

namespace tagdrift::detectors {
namespace {

const char* kAcme = R"toml(vendor = "acme"
product = "Acme Pixel"
category = "analytics"
hosts = ["px.acme.test"]

[[signature]]
id = "acme-pixel"
  [[signature.pattern]]
  places = ["inline", "script-src"]
  regex = '''acme\.init\(['"](?P<id>\d+)'''
)toml";

// The message SignatureSet throws for a directory holding one file `name` with `text`.
std::string load_error(const std::string& name, const std::string& text) {
  testing::TempDir dir;
  dir.write(name, text);
  try {
    SignatureSet set(dir.path().string());
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::kUsage);
    return error.what();
  }
  return "";
}

bool has_signature(const SignatureSet& set, const std::string& id) {
  return std::any_of(set.signatures().begin(), set.signatures().end(),
                     [&](const Signature& sig) { return sig.id == id; });
}

TEST_CASE("signature set: the embedded files load and cover the corpus' vendors") {
  SignatureSet set;
  for (const char* id : {"pinterest-tag", "meta-pixel", "facebook-sdk", "google-tag-manager",
                         "google-analytics-gtag", "google-ads", "tiktok-pixel", "hotjar",
                         "linkedin-insight", "cookiebot", "onetrust", "segment"}) {
    INFO(id);
    CHECK(has_signature(set, id));
  }
  CHECK_FALSE(set.allowed().empty());
}

TEST_CASE("signature set: a directory adds vendors") {
  testing::TempDir dir;
  dir.write("acme.toml", kAcme);
  SignatureSet set(dir.path().string());
  CHECK(has_signature(set, "acme-pixel"));
  CHECK(has_signature(set, "meta-pixel"));
}

TEST_CASE("signature set: a directory file replaces the embedded file of the same name") {
  testing::TempDir dir;
  std::string replacement = kAcme;
  replacement.replace(replacement.find("vendor = \"acme\""), 15, "vendor = \"meta\"");
  dir.write("meta.toml", replacement);
  SignatureSet set(dir.path().string());
  CHECK_FALSE(has_signature(set, "meta-pixel"));
  CHECK(has_signature(set, "acme-pixel"));
}

TEST_CASE("signature set: a bad regex is one line naming file, signature and pattern") {
  std::string text = kAcme;
  text.replace(text.find("(?P<id>\\d+)"), 11, "(?P<id>\\d+");
  std::string message = load_error("acme.toml", text);
  CHECK(message.find("acme.toml:8: signature 'acme-pixel': pattern 'acme\\.init\\(['\"]"
                     "(?P<id>\\d+': missing )") != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("signature set: a missing field names the file, line and signature") {
  std::string text = kAcme;
  text.replace(text.find("category = \"analytics\"\n"), 23, "");
  std::string message = load_error("acme.toml", text);
  CHECK(message.find("acme.toml:5: signature 'acme-pixel': missing 'category'") !=
        std::string::npos);
}

TEST_CASE("signature set: bad TOML gives the file and line of the parse error") {
  std::string message = load_error("broken.toml", "vendor = \"x\"\n[[signature]\nid = 1\n");
  CHECK(message.find("broken.toml:2: ") != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("signature set: unknown keys and places are errors, not silently ignored") {
  std::string text = kAcme;
  text.replace(text.find("places = [\"inline\""), 18, "places = [\"inlin\"");
  CHECK(load_error("acme.toml", text).find("unknown place 'inlin'") != std::string::npos);
  text = kAcme;
  text.replace(text.find("hosts ="), 7, "host =");
  CHECK(load_error("acme.toml", text).find("acme.toml:4: unknown key 'host'") != std::string::npos);
}

TEST_CASE("signature set: an unreadable directory is a usage error") {
  CHECK_THROWS_AS(SignatureSet("/nonexistent/tagdrift/signatures"), Error);
}

TEST_CASE("signature set: the list gives id, vendor, product, category and places") {
  testing::TempDir dir;
  dir.write("acme.toml", kAcme);
  std::vector<SignatureSummary> list = list_signatures(dir.path().string());
  auto acme = std::find_if(list.begin(), list.end(),
                           [](const SignatureSummary& s) { return s.id == "acme-pixel"; });
  REQUIRE(acme != list.end());
  CHECK(acme->vendor == "acme");
  CHECK(acme->product == "Acme Pixel");
  CHECK(acme->category == "analytics");
  CHECK(acme->places == std::vector<std::string>{"script-src", "script-inline"});
}

TEST_CASE("signature set: the vendors a policy may name are every signature's, sorted, once") {
  std::vector<std::string> builtin = signature_vendors();
  CHECK(std::is_sorted(builtin.begin(), builtin.end()));
  CHECK(std::adjacent_find(builtin.begin(), builtin.end()) == builtin.end());
  std::vector<std::string> expected;
  for (const SignatureSummary& s : list_signatures()) expected.push_back(s.vendor);
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(builtin == expected);
  CHECK(std::binary_search(builtin.begin(), builtin.end(), "pinterest"));
  CHECK_FALSE(std::binary_search(builtin.begin(), builtin.end(), "acme"));

  testing::TempDir dir;
  dir.write("acme.toml", kAcme);
  std::vector<std::string> with_dir = signature_vendors(dir.path().string());
  CHECK(std::binary_search(with_dir.begin(), with_dir.end(), "acme"));
  CHECK(with_dir.size() == builtin.size() + 1);

  dir.write("broken.toml", "vendor = \"broken\"\n[[signature]]\n");
  CHECK_THROWS_AS(signature_vendors(dir.path().string()), Error);
}

}  // namespace
}  // namespace tagdrift::detectors
