// Reading one signature file into plain values (detectors/signature_file.cc).
#include "detectors/signature_file.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace tagdrift::detectors {
namespace {

const char* kFile = R"toml(vendor = "acme"
category = "advertising"
hosts = ["px.acme.test"]

[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
id_format = '^\d+$'
id_prefix = "AC-"
follow_url = "https://px.acme.test/c/{id}.js"
events = ['''acme\('track', '(\w+)'\)''']
hosts = ["cdn.acme.test"]
  [[signature.pattern]]
  places = ["noscript", "script-src"]
  regex = '''px\.acme\.test/p\?id=(?P<id>\d+)'''
  weak = true
  [[signature.example]]
  place = "noscript-img"
  text = "https://px.acme.test/p?id=7"
  id = "AC-7"
  events = ["Lead"]

[[signature]]
id = "acme-tags"
vendor = "acme-tags"
product = "Acme Tags"
category = "tag-manager"
  [[signature.pattern]]
  places = "inline"
  regex = 'acmetags'
  [[signature.example]]
  place = "script-inline"
  text = "nothing"
  match = false

[[allowed]]
key = "acme-cdn"
hosts = ["static.acme.test"]
)toml";

TEST_CASE("signature file: signatures inherit vendor, category and hosts from the top") {
  std::vector<std::string> errors;
  SignatureFile file = parse_signature_file("acme.toml", kFile, errors);
  REQUIRE(errors.empty());
  REQUIRE(file.signatures.size() == 2);
  const Signature& pixel = file.signatures[0];
  CHECK(pixel.vendor == "acme");
  CHECK(pixel.category == Category::kAdvertising);
  CHECK(pixel.hosts == std::vector<std::string>{"px.acme.test", "cdn.acme.test"});
  CHECK(pixel.id_prefix == "AC-");
  CHECK(pixel.follow_url == "https://px.acme.test/c/{id}.js");
  CHECK(pixel.file == "acme.toml");
  CHECK(pixel.line == 5);
  const Signature& tags = file.signatures[1];
  CHECK(tags.vendor == "acme-tags");
  CHECK(tags.category == Category::kTagManager);
  CHECK(tags.hosts == std::vector<std::string>{"px.acme.test"});
}

TEST_CASE("signature file: patterns, place groups and examples are read as written") {
  std::vector<std::string> errors;
  SignatureFile file = parse_signature_file("acme.toml", kFile, errors);
  REQUIRE(file.signatures.size() == 2);
  const Pattern& pattern = file.signatures[0].patterns.at(0);
  CHECK(pattern.places == std::vector<PlaceKind>{PlaceKind::kNoscriptImg,
                                                 PlaceKind::kNoscriptIframe,
                                                 PlaceKind::kScriptSrc});
  CHECK(pattern.regex == R"(px\.acme\.test/p\?id=(?P<id>\d+))");
  CHECK(pattern.weak);
  CHECK(pattern.line == 13);
  const Example& example = file.signatures[0].examples.at(0);
  CHECK(example.place == PlaceKind::kNoscriptImg);
  CHECK(example.id == std::optional<std::string>("AC-7"));
  CHECK(example.events == std::vector<std::string>{"Lead"});
  CHECK_FALSE(file.signatures[1].examples.at(0).match);
  CHECK(file.signatures[1].patterns.at(0).places ==
        std::vector<PlaceKind>{PlaceKind::kScriptInline});
  REQUIRE(file.allowed.size() == 1);
  CHECK(file.allowed[0].key == "acme-cdn");
}

TEST_CASE("signature file: a faulty signature is left out, the others are kept") {
  std::string text = kFile;
  text.replace(text.find("category = \"tag-manager\""), 24, "category = \"tags\"");
  std::vector<std::string> errors;
  SignatureFile file = parse_signature_file("acme.toml", text, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "acme.toml:23: signature 'acme-tags': unknown category 'tags'");
  REQUIRE(file.signatures.size() == 1);
  CHECK(file.signatures[0].id == "acme-pixel");
}

TEST_CASE("signature file: a signature without patterns is an error") {
  std::vector<std::string> errors;
  parse_signature_file("x.toml",
                       "[[signature]]\nid = \"x\"\nvendor = \"x\"\nproduct = \"X\"\n"
                       "category = \"other\"\n",
                       errors);
  REQUIRE(errors.size() == 1);
  // A signature may have network patterns only ([[signature.network]]), so the message names both.
  CHECK(errors[0] == "x.toml:1: signature 'x': no [[signature.pattern]] or [[signature.network]]");
}

TEST_CASE("signature file: container templates are read, and need a template or a community") {
  const std::string head = R"toml(vendor = "acme"
category = "advertising"
[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
  [[signature.pattern]]
  places = "inline"
  regex = 'acme'
)toml";
  std::vector<std::string> errors;
  SignatureFile file = parse_signature_file("acme.toml", head + R"toml(
  [[signature.container]]
  template = "__acme"
  id_fields = ["vtp_accountId"]
  event_fields = "vtp_event"
  enhanced_match_fields = ["vtp_email"]
  id_rewrite = ['^(\d{4})(\d{4})$', '\1/\2']
  [[signature.container]]
  community = 'cdn\.acme\.test'
  id_fields = ["vtp_id"]
  [[signature.example]]
  place = "gtm-tag"
  text = '{"function":"__acme","vtp_accountId":"12345678"}'
  permissions = '{}'
  id = "1234/5678"
)toml",
                                            errors);
  REQUIRE(errors.empty());
  const Signature& sig = file.signatures.at(0);
  REQUIRE(sig.containers.size() == 2);
  CHECK(sig.containers[0].template_name == "__acme");
  CHECK(sig.containers[0].id_fields == std::vector<std::string>{"vtp_accountId"});
  CHECK(sig.containers[0].event_fields == std::vector<std::string>{"vtp_event"});
  CHECK(sig.containers[0].enhanced_match_fields == std::vector<std::string>{"vtp_email"});
  CHECK(sig.containers[0].id_rewrite == "^(\\d{4})(\\d{4})$");
  CHECK(sig.containers[0].id_rewrite_to == "\\1/\\2");
  CHECK(sig.containers[1].community == "cdn\\.acme\\.test");
  REQUIRE(sig.examples.size() == 1);
  CHECK(sig.examples[0].container_tag);
  CHECK(sig.examples[0].permissions == "{}");

  for (const char* bad :
       {"  [[signature.container]]\n  id_fields = [\"vtp_id\"]\n",
        "  [[signature.container]]\n  template = \"__a\"\n  community = 'a'\n",
        "  [[signature.container]]\n  community = 'a('\n",
        "  [[signature.container]]\n  template = \"__a\"\n  id_rewrite = ['a']\n",
        "  [[signature.container]]\n  template = \"__a\"\n  id_field = \"x\"\n"}) {
    std::vector<std::string> more;
    SignatureFile faulty = parse_signature_file("acme.toml", head + bad, more);
    INFO(bad);
    REQUIRE(more.size() == 1);
    CHECK(more[0].starts_with("acme.toml:"));
    CHECK(faulty.signatures.empty());
  }
}

TEST_CASE("signature file: [[signature.network]] and network examples are read as written") {
  std::vector<std::string> errors;
  SignatureFile file = parse_signature_file("acme.toml", R"toml(vendor = "acme"
category = "advertising"
[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
  [[signature.network]]
  hosts = ["px.acme.test"]
  path = '^/p/(?P<id>\d+)$'
  id_params = ["aid"]
  event_params = ["ev", "action"]
  enhanced_match = ['u\[(\w+)\]']
  [[signature.example]]
  place = "network"
  text = "https://px.acme.test/p/7"
  method = "POST"
  body = "ev=Lead"
  content_type = "application/x-www-form-urlencoded"
  id = "7"
)toml",
                                            errors);
  for (const std::string& error : errors) UNSCOPED_INFO(error);
  REQUIRE(errors.empty());
  REQUIRE(file.signatures.size() == 1);
  const Signature& sig = file.signatures[0];
  CHECK(sig.patterns.empty());  // network patterns alone make a signature
  REQUIRE(sig.network.size() == 1);
  CHECK(sig.network[0].hosts == std::vector<std::string>{"px.acme.test"});
  CHECK(sig.network[0].path == R"(^/p/(?P<id>\d+)$)");
  CHECK(sig.network[0].id_params == std::vector<std::string>{"aid"});
  CHECK(sig.network[0].event_params == std::vector<std::string>{"ev", "action"});
  CHECK(sig.network[0].enhanced_match == std::vector<std::string>{R"(u\[(\w+)\])"});
  CHECK(sig.network[0].line == 6);
  REQUIRE(sig.examples.size() == 1);
  CHECK(sig.examples[0].place == PlaceKind::kNetwork);
  CHECK(sig.examples[0].method == "POST");
  CHECK(sig.examples[0].body == "ev=Lead");
  CHECK(sig.examples[0].content_type == "application/x-www-form-urlencoded");
}

TEST_CASE("signature file: network mistakes are named with file and line") {
  std::vector<std::string> errors;
  parse_signature_file("acme.toml", R"toml(vendor = "acme"
category = "advertising"
[[signature]]
id = "acme-a"
product = "Acme"
  [[signature.network]]
  path = '^/p$'
[[signature]]
id = "acme-b"
product = "Acme"
  [[signature.network]]
  hosts = ["px.acme.test"]
  id_param = ["aid"]
[[signature]]
id = "acme-c"
product = "Acme"
  [[signature.pattern]]
  places = ["network"]
  regex = 'px\.acme\.test'
[[signature]]
id = "acme-d"
product = "Acme"
  [[signature.pattern]]
  places = ["inline"]
  regex = 'acme'
  [[signature.example]]
  place = "script-inline"
  text = "acme"
  body = "x=1"
)toml",
                       errors);
  CHECK(errors == std::vector<std::string>{
                      "acme.toml:6: signature 'acme-a': network: missing 'hosts'",
                      "acme.toml:13: signature 'acme-b': unknown key 'id_param'",
                      "acme.toml:17: signature 'acme-c': pattern 'px\\.acme\\.test': place "
                      "'network' takes [[signature.network]]",
                      "acme.toml:26: signature 'acme-d': 'method', 'body' and 'content_type' are "
                      "for place \"network\" only"});
}

}  // namespace
}  // namespace tagdrift::detectors
