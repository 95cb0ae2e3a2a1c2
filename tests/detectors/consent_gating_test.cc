#include "detectors/consent_gating.h"

#include <catch2/catch.hpp>
#include <string>

#include "detectors/html_tree.h"

namespace td = tagdrift::detectors;

namespace {
// The first element of `tag` in `html`, with the output kept alive by the caller.
const GumboElement* find(const td::GumboOutputPtr& out, GumboTag tag) {
  std::vector<const GumboNode*> stack{out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == tag) return &n->v.element;
    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
    }
  }
  return nullptr;
}

bool gated_script(const std::string& html) {
  td::GumboOutputPtr out = td::parse_html(html);
  const GumboElement* script = find(out, GUMBO_TAG_SCRIPT);
  REQUIRE(script != nullptr);
  return td::is_consent_gated_script(*script);
}
}  // namespace

TEST_CASE("consent_gating: each consent manager's marker on a text/plain script gates it") {
  for (const char* markers :
       {"data-cookieconsent=\"marketing\"", "class=\"optanon-category-C0004\"",
        "data-usercentrics=\"Facebook Pixel\"", "data-category=\"marketing\"",
        "class=\"cmplz-script\"", "data-service=\"facebook\"", "data-osano=\"MARKETING\"",
        "data-cookie-consent=\"targeting\"", "data-categories=\"analytics\"",
        "data-cookiecategory=\"ads\"", "data-cookiescript=\"accepted\"",
        "class=\"_iub_cs_activate\"", "data-consent=\"marketing\"",
        "data-type=\"application/javascript\" data-name=\"ga\"",
        "data-cookieyes=\"cookieyes-analytics\"", "data-cookiefirst-category=\"advertising\""}) {
    INFO(markers);
    CHECK(gated_script(std::string("<script type=\"text/plain\" ") + markers + ">x()</script>"));
  }
}

TEST_CASE("consent_gating: a marker without a held-back type does not gate") {
  CHECK_FALSE(gated_script("<script data-cookieconsent=\"marketing\" src=\"//x/w.js\"></script>"));
  CHECK_FALSE(gated_script("<script type=\"text/javascript\" data-cookieconsent=\"x\"></script>"));
  CHECK_FALSE(gated_script("<script type=\"module\" class=\"optanon-category-C0002\"></script>"));
}

TEST_CASE("consent_gating: held-back types without a marker, or data blocks, do not gate") {
  CHECK_FALSE(gated_script("<script type=\"text/plain\">fbq('init','1')</script>"));
  CHECK_FALSE(gated_script("<script type=\"application/ld+json\" data-category=\"x\"></script>"));
  CHECK_FALSE(gated_script("<script type=\"text/template\" data-consent=\"x\"></script>"));
  CHECK_FALSE(gated_script("<script type=\"text/plain\" data-type=\"text/plain\"></script>"));
  CHECK(gated_script("<script type=\"text/x-deferred\" data-cookieconsent=\"s\"></script>"));
  CHECK(gated_script("<script type=\"didomi/javascript\" data-vendor=\"c:ga\"></script>"));
}

TEST_CASE("consent_gating: an embed with only a deferred src and a marker is gated") {
  td::GumboOutputPtr out = td::parse_html(
      "<iframe data-cookieblock-src=\"https://www.youtube.com/embed/x\" "
      "data-cookieconsent=\"marketing\"></iframe><img data-src=\"https://t.example/p.gif\">");
  const GumboElement* iframe = find(out, GUMBO_TAG_IFRAME);
  const GumboElement* img = find(out, GUMBO_TAG_IMG);
  REQUIRE(iframe != nullptr);
  REQUIRE(img != nullptr);
  CHECK(td::is_consent_gated_embed(*iframe));
  CHECK(std::string(td::deferred_src(*iframe)) == "https://www.youtube.com/embed/x");
  CHECK(td::consent_marker(*iframe) == "cookiebot");
  CHECK_FALSE(td::is_consent_gated_embed(*img));  // lazy loading, not consent
}

TEST_CASE("consent_gating: an embed with a live src is not gated whatever its marker") {
  td::GumboOutputPtr out = td::parse_html(
      "<iframe src=\"https://www.youtube.com/embed/x\" data-src=\"https://a/\" "
      "data-cookieconsent=\"marketing\"></iframe>");
  CHECK_FALSE(td::is_consent_gated_embed(*find(out, GUMBO_TAG_IFRAME)));
  td::GumboOutputPtr blank = td::parse_html(
      "<iframe src=\"about:blank\" data-src=\"https://a/\" class=\"cmplz-iframe\"></iframe>");
  CHECK(td::is_consent_gated_embed(*find(blank, GUMBO_TAG_IFRAME)));
}
