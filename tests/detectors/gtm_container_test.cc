// Decoding GTM containers built by hand (detectors/gtm_container.cc): each variable kind,
// liveness, firing rules, and bad input that must end in an error or "no ID visible".
#include "detectors/gtm_container.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

namespace tagdrift::detectors {
namespace {

// A served gtm.js around a resource: the header, `var data = {...}`, and runtime code after.
std::string container(const std::string& macros, const std::string& tags,
                      const std::string& rules = R"([[["if",0],["add",0]]])",
                      const std::string& extra = "") {
  return "\n// Copyright 2012 Google Inc. All rights reserved.\n(function(){\n\nvar data = {\n"
         "\"resource\": {\n  \"version\":\"7\",\n  \"macros\":" +
         macros + ",\n  \"tags\":" + tags +
         ",\n  \"predicates\":[{\"function\":\"_eq\",\"arg0\":[\"macro\",0],\"arg1\":\"gtm.js\"},"
         "{\"function\":\"_cn\",\"arg0\":[\"macro\",1],\"arg1\":\"/thanks\"}],"
         "\n  \"rules\":" +
         rules + "\n}" + extra + "};\nvar productSettings = {\"AW-111111111\":{}};\n})();\n";
}

const GtmField* field(const GtmTag& tag, const std::string& name) {
  for (const GtmField& f : tag.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<std::string> texts(const GtmField* f) {
  std::vector<std::string> out;
  if (f == nullptr) return out;
  for (const GtmValue& v : f->values) out.push_back(v.text);
  return out;
}

TEST_CASE("gtm container: a literal field, the version and the firing rule") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"}])", R"([{"function":"__bzi","vtp_id":"1341164","tag_id":33}])"));
  REQUIRE(c.error.empty());
  CHECK(c.version == "7");
  REQUIRE(c.tags.size() == 1);
  CHECK(c.tags[0].tag_id == 33);
  CHECK(c.tags[0].template_name == "__bzi");
  CHECK(c.tags[0].firing == "All Pages");
  const GtmField* id = field(c.tags[0], "vtp_id");
  REQUIRE(id != nullptr);
  REQUIRE(id->values.size() == 1);
  CHECK(id->values[0].text == "1341164");
  CHECK(id->values[0].resolved == "literal");
  CHECK_FALSE(id->opaque);
}

TEST_CASE("gtm container: a Constant variable is followed") {
  GtmContainer c = decode_gtm_container(
      container(R"([{"function":"__e"},{"function":"__c","vtp_value":"G-3V6Y5LL42S"}])",
                R"([{"function":"__googtag","vtp_tagId":["macro",1],"tag_id":5}])"));
  REQUIRE(c.tags.size() == 1);
  const GtmField* id = field(c.tags[0], "vtp_tagId");
  REQUIRE(texts(id) == std::vector<std::string>{"G-3V6Y5LL42S"});
  CHECK(id->values[0].resolved == "constant (macro 1)");
}

TEST_CASE("gtm container: every value of a Lookup Table, rows and default, with its condition") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__v","vtp_name":"env"},
          {"function":"__c","vtp_value":"UA-1-9"},
          {"function":"__smm","vtp_setDefaultValue":true,"vtp_input":["macro",1],
           "vtp_defaultValue":["macro",2],
           "vtp_map":["list",["map","key","live","value","UA-1-1"],["map","key","dev","value","UA-1-1"],
                      ["map","key","stage","value","UA-1-2"]]}])",
      R"([{"function":"__ua","vtp_trackingId":["macro",3],"tag_id":1}])"));
  const GtmField* id = field(c.tags.at(0), "vtp_trackingId");
  REQUIRE(texts(id) == std::vector<std::string>{"UA-1-1", "UA-1-2", "UA-1-9"});
  CHECK(id->values[0].resolved == "lookup (macro 3, key \"live\")");
  CHECK(id->values[2].resolved == "lookup (macro 3, default) > constant (macro 2)");
  CHECK_FALSE(id->opaque);
}

TEST_CASE("gtm container: a RegEx Table's rows carry their pattern; no default, no default value") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__u","vtp_component":"HOST"},
          {"function":"__remm","vtp_setDefaultValue":false,"vtp_input":["macro",1],
           "vtp_defaultValue":"99999999",
           "vtp_map":["list",["map","key","calgarylibrary\\.ca","value","00825438"]]}])",
      R"([{"function":"__cegg","vtp_usersNumericId":["macro",2],"tag_id":40}])"));
  const GtmField* id = field(c.tags.at(0), "vtp_usersNumericId");
  REQUIRE(texts(id) == std::vector<std::string>{"00825438"});
  CHECK(id->values[0].resolved == "regex table (macro 2, pattern \"calgarylibrary\\.ca\")");
}

TEST_CASE("gtm container: a settings variable lends its fields; the tag's own field wins") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__gas","vtp_trackingId":"UA-5-1","vtp_cookieDomain":"auto"}])",
      R"([{"function":"__ua","vtp_gaSettings":["macro",1],"tag_id":1},
          {"function":"__ua","vtp_gaSettings":["macro",1],"vtp_trackingId":"UA-5-2","tag_id":2}])",
      R"([[["if",0],["add",0,1]]])"));
  REQUIRE(c.tags.size() == 2);
  const GtmField* first = field(c.tags[0], "vtp_trackingId");
  REQUIRE(texts(first) == std::vector<std::string>{"UA-5-1"});
  CHECK(first->values[0].resolved == "settings (macro 1)");
  CHECK(texts(field(c.tags[1], "vtp_trackingId")) == std::vector<std::string>{"UA-5-2"});
  // The settings variable itself is no value of the field that names it.
  CHECK(texts(field(c.tags[0], "vtp_gaSettings")).empty());
  CHECK_FALSE(field(c.tags[0], "vtp_gaSettings")->opaque);
}

TEST_CASE("gtm container: template strings are assembled from their parts") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__smm","vtp_input":["macro",0],"vtp_setDefaultValue":true,
          "vtp_defaultValue":"1103929212960245","vtp_map":["list"]}])",
      R"([{"function":"__img","vtp_url":["template","https://www.facebook.com/tr?id=",["escape",["macro",1],12],"&ev=PageView"],"tag_id":8}])"));
  CHECK(texts(field(c.tags.at(0), "vtp_url")) ==
        std::vector<std::string>{"https://www.facebook.com/tr?id=1103929212960245&ev=PageView"});
}

TEST_CASE("gtm container: run-time variables are opaque, never guessed") {
  GtmContainer c = decode_gtm_container(container(
      R"J([{"function":"__e"},{"function":"__jsm","vtp_javascript":["template","(function(){return 'G-AAAA1111'})()"]},
          {"function":"__v","vtp_name":"ga_id"}])J",
      R"([{"function":"__googtag","vtp_tagId":["macro",1],"tag_id":1},
          {"function":"__html","vtp_html":["template","<script>fbq('init','",["macro",2],"')</script>"],"tag_id":2}])",
      R"([[["if",0],["add",0,1]]])"));
  REQUIRE(c.tags.size() == 2);
  const GtmField* id = field(c.tags[0], "vtp_tagId");
  CHECK(id->opaque);
  CHECK(id->values.empty());
  // Inside assembled text the unknown part is template syntax, which reads as no ID.
  CHECK(texts(field(c.tags[1], "vtp_html")) ==
        std::vector<std::string>{"<script>fbq('init','{{variable}}')</script>"});
}

TEST_CASE("gtm container: paused and unfired tags are not live; setup tags of live ones are") {
  GtmContainer c = decode_gtm_container(
      container(R"([{"function":"__e"},{"function":"__u","vtp_component":"PATH"}])",
                R"([{"function":"__paused","vtp_originalTagType":"awct","tag_id":42},
          {"function":"__awct","vtp_conversionId":"111","tag_id":43},
          {"function":"__html","vtp_html":"<script>fbq('init','1')</script>","tag_id":18},
          {"function":"__html","vtp_html":"x","setup_tags":["list",["tag",2,0]],"tag_id":21},
          {"function":"__sp","vtp_conversionId":"222","tag_id":44}])",
                R"([[["if",0],["add",0]],[["if",1],["add",3]],[["if",0],["block",4]]])"));
  REQUIRE(c.tags.size() == 2);
  CHECK(c.tags[0].tag_id == 18);
  CHECK(c.tags[0].firing == "with tag 21");
  CHECK(c.tags[1].tag_id == 21);
  CHECK(c.tags[1].firing == "Page Path contains /thanks");
}

TEST_CASE("gtm container: a variable that reaches itself is opaque and ends") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__c","vtp_value":["macro",2]},
          {"function":"__smm","vtp_input":["macro",0],"vtp_map":["list",["map","key","a","value",["macro",1]]]},
          {"function":"__c","vtp_value":["macro",3]}])",
      R"([{"function":"__bzi","vtp_id":["macro",1],"vtp_partnerId":["macro",3],"tag_id":1}])"));
  REQUIRE(c.error.empty());
  CHECK(field(c.tags.at(0), "vtp_id")->opaque);
  CHECK(field(c.tags.at(0), "vtp_partnerId")->opaque);
}

TEST_CASE("gtm container: community templates keep their permissions") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"}])", R"([{"function":"__cvt_1_2","vtp_pixelId":"123456","tag_id":1}])",
      R"([[["if",0],["add",0]]])",
      R"(, "permissions":{"__cvt_1_2":{"inject_script":{"urls":["https://connect.facebook.net/*"]}}})"));
  REQUIRE(c.templates.count("__cvt_1_2"));
  CHECK(c.templates["__cvt_1_2"].find("connect.facebook.net") != std::string::npos);
}

TEST_CASE("gtm container: bad input is an error, not a crash") {
  CHECK(decode_gtm_container("").error == "no container resource");
  CHECK(decode_gtm_container("var data = {\"resources\": 1};").error == "no container resource");
  std::string whole = container(R"([{"function":"__e"}])", R"([])");
  CHECK(decode_gtm_container(whole.substr(0, whole.size() / 2)).error.find("truncated") !=
        std::string::npos);
  CHECK(decode_gtm_container("var data = {\"resource\": {\"tags\": [1,, 2]}};").error ==
        "container resource is not JSON");
  CHECK(decode_gtm_container("var data = {\"resource\": {\"tags\": 5}};").error ==
        "container resource has no tag list");
  std::string deep = "var data = {\"resource\": " + std::string(100000, '[') + "}";
  CHECK(decode_gtm_container(deep).error.find("nested deeper") != std::string::npos);
}

TEST_CASE("gtm container: 20 MB and 100,000 variables are refused within the limits") {
  std::string huge = container(R"([{"function":"__e"}])", R"([])");
  huge += std::string(20u << 20, ' ');
  CHECK(decode_gtm_container(huge).error.find("larger than") != std::string::npos);
  std::string macros = "[";
  for (int i = 0; i < 100000; ++i)
    macros += R"({"function":"__c","vtp_value":["macro",)" + std::to_string(i + 1) + "]},";
  macros += R"({"function":"__e"}])";
  auto start = std::chrono::steady_clock::now();
  GtmContainer refused = decode_gtm_container(container(macros, R"([])"));
  CHECK(refused.error.find("100001 variables") != std::string::npos);
  // Under a raised limit the whole chain is followed within its budget and stays opaque.
  GtmLimits wide;
  wide.max_macros = 200000;
  GtmContainer chained = decode_gtm_container(
      container(macros, R"([{"function":"__bzi","vtp_id":["macro",0],"tag_id":1}])"), wide);
  REQUIRE(chained.error.empty());
  CHECK(field(chained.tags.at(0), "vtp_id")->opaque);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("gtm container: text assembled from thousands of parts stays within its budget") {
  std::string parts;
  for (int i = 0; i < 20000; ++i) parts += R"(,["macro",1])";
  auto start = std::chrono::steady_clock::now();
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__c","vtp_value":")" + std::string(1000, 'x') + R"("}])",
      R"([{"function":"__html","vtp_html":["template")" + parts + R"(],"tag_id":1}])"));
  REQUIRE(c.error.empty());
  const GtmField* html = field(c.tags.at(0), "vtp_html");
  CHECK(html->opaque);
  CHECK(html->values.empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("gtm container: which URLs are containers") {
  CHECK(is_gtm_container_url("https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"));
  CHECK(is_gtm_container_url("https://sgtm.clinic.test/gtm.js?l=dl&id=GTM-AB12CD"));
  CHECK_FALSE(is_gtm_container_url("https://www.googletagmanager.com/gtag/js?id=G-AB12CD"));
  CHECK_FALSE(is_gtm_container_url("https://www.googletagmanager.com/gtm.js?xid=GTM-AB12CD"));
}

TEST_CASE("gtm container: which URLs are Google tags, decoded the same way") {
  CHECK(is_google_tag_url("https://www.googletagmanager.com/gtag/js?id=G-AB12CD"));
  CHECK(is_google_tag_url("https://www.googletagmanager.com/gtag/js?l=dl&id=AW-620935990"));
  CHECK(is_google_tag_url("https://www.googletagmanager.com/gtag/js?id=DC-8765432#x"));
  CHECK_FALSE(is_google_tag_url("https://www.googletagmanager.com/gtag/js?id="));
  CHECK_FALSE(is_google_tag_url("https://www.googletagmanager.com/gtag/js?uid=G-AB12CD"));
  CHECK_FALSE(is_google_tag_url("https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"));
  CHECK(is_decoded_container_url("https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"));
  CHECK(is_decoded_container_url("https://www.googletagmanager.com/gtag/js?id=GT-AB12CD"));
  CHECK_FALSE(is_decoded_container_url("https://www.google-analytics.com/analytics.js"));
}

TEST_CASE("gtm container: a field written as a table gives one field per column") {
  GtmContainer c = decode_gtm_container(container(
      R"([{"function":"__e"},{"function":"__c","vtp_value":"DC-8765432"}])",
      R"([{"function":"__zone","vtp_childContainers":["list",["map","publicId","AW-620935990","nickname","Ads"],["map","publicId",["macro",1]],["map","publicId","AW-620935990"]],"tag_id":3}])"));
  REQUIRE(c.error.empty());
  REQUIRE(c.tags.size() == 1);
  const GtmField* ids = field(c.tags[0], "vtp_childContainers.publicId");
  REQUIRE(ids != nullptr);
  CHECK(texts(ids) == std::vector<std::string>{"AW-620935990", "DC-8765432"});
  CHECK(ids->values[1].resolved == "constant (macro 1)");
  CHECK(texts(field(c.tags[0], "vtp_childContainers.nickname")) == std::vector<std::string>{"Ads"});
  // The whole table is still one field with every cell.
  CHECK(texts(field(c.tags[0], "vtp_childContainers")).size() == 3);
}

}  // namespace
}  // namespace tagdrift::detectors
