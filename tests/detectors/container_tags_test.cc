// Decoded container tags read through the signatures' container templates
// (detectors/container_tags.cc), on hand-built containers and the real signature files.
#include "detectors/container_tags.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "detectors/signature_set.h"

namespace tagdrift::detectors {
namespace {

const SignatureSet& signatures() {
  static const SignatureSet set;
  return set;
}

GtmTag tag(std::string name, std::vector<GtmField> fields, int id = 1) {
  GtmTag t;
  t.tag_id = id;
  t.template_name = std::move(name);
  t.fields = std::move(fields);
  return t;
}

GtmField field(std::string name, std::vector<std::string> values, bool opaque = false) {
  GtmField f;
  f.name = std::move(name);
  for (std::string& v : values) f.values.push_back({std::move(v), "literal"});
  f.opaque = opaque;
  return f;
}

// (vendor, tag_id) of every hit.
std::vector<std::pair<std::string, std::string>> hits(const GtmContainer& container) {
  ContainerTemplates templates(signatures().signatures(), signatures().matcher());
  std::vector<std::pair<std::string, std::string>> out;
  for (const ContainerHit& hit : templates.match(container)) {
    out.emplace_back(signatures().signatures()[hit.signature].vendor, hit.tag_id);
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("container tags: the Google tag's ID decides between Analytics and Ads") {
  GtmContainer c;
  c.tags = {tag("__googtag", {field("vtp_tagId", {"G-KMFQYQLFBH"})}),
            tag("__googtag", {field("vtp_tagId", {"AW-11417893973"})})};
  CHECK(hits(c) == Pairs{{"google-analytics", "G-KMFQYQLFBH"}, {"google-ads", "AW-11417893973"}});
}

TEST_CASE("container tags: every value of a table is an ID; values of another shape are not") {
  GtmContainer c;
  c.tags = {tag("__ua", {field("vtp_trackingId", {"UA-53591212-4", "0", "UA-53591212-5"})})};
  CHECK(hits(c) ==
        Pairs{{"google-analytics", "UA-53591212-4"}, {"google-analytics", "UA-53591212-5"}});
}

TEST_CASE("container tags: an opaque or placeholder ID field is a tag with no ID") {
  GtmContainer c;
  c.tags = {tag("__hjtc", {field("vtp_hotjar_site_id", {}, true)}),
            tag("__pntr", {field("vtp_tagId", {"{{variable}}"})})};
  CHECK(hits(c) == Pairs{{"hotjar", ""}, {"pinterest", ""}});
}

TEST_CASE("container tags: an ID rewrite, events, and templates nobody declares") {
  GtmContainer c;
  c.tags = {tag("__cegg", {field("vtp_usersNumericId", {"00825438"})}),
            tag("__gaawe", {field("vtp_eventName", {"generate_lead"}),
                            field("vtp_measurementIdOverride", {"G-E442LR0YN9"})}),
            tag("__gclidw", {}), tag("__cl", {})};
  ContainerTemplates templates(signatures().signatures(), signatures().matcher());
  std::vector<ContainerHit> found = templates.match(c);
  REQUIRE(found.size() == 2);
  CHECK(found[0].tag_id == "0082/5438");
  CHECK(found[1].tag_id == "G-E442LR0YN9");
  CHECK(found[1].field == "vtp_measurementIdOverride");
  CHECK(found[1].events == std::vector<std::string>{"generate_lead"});
}

TEST_CASE("container tags: a community template is known by its permissions, not its name") {
  GtmContainer c;
  c.tags = {tag("__cvt_1_2", {field("vtp_pixelId", {"834632396884248"})}),
            tag("__cvt_3_4", {field("vtp_pixelId", {"834632396884249"})})};
  c.templates["__cvt_1_2"] = R"({"inject_script":{"urls":["https://connect.facebook.net/*"]}})";
  c.templates["__cvt_3_4"] = R"({"inject_script":{"urls":["https://cdn.contentsquare.net/*"]}})";
  CHECK(hits(c) == Pairs{{"meta", "834632396884248"}});
}

TEST_CASE("container tags: Custom HTML runs as the page will run it; Custom Image is a pixel") {
  GtmTag html = tag(
      "__html",
      {field(
          "vtp_html",
          {R"(<script type="text/gtmscript" data-gtmsrc="//js.hs-scripts.com/1.js"></script><img src="https://px.test/a?b=1">)"})});
  std::vector<Place> places = container_tag_places(html, "https://www.clinic.test/");
  REQUIRE(places.size() == 2);
  CHECK(places[0].kind == PlaceKind::kScriptSrc);
  CHECK(places[0].value == "https://js.hs-scripts.com/1.js");
  CHECK(places[1].kind == PlaceKind::kImg);
  GtmTag img =
      tag("__img", {field("vtp_url", {"https://px.test/a?id=1", "https://px.test/a?id=2"})});
  CHECK(container_tag_places(img, "https://www.clinic.test/").size() == 2);
  CHECK(container_tag_places(tag("__ua", {}), "https://www.clinic.test/").empty());
}

}  // namespace
}  // namespace tagdrift::detectors
