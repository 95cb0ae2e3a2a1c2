#include "detectors/element_places.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "detectors/places.h"

namespace td = tagdrift::detectors;
using td::PlaceKind;

namespace {
constexpr const char* kUrl = "https://clinic.example/dental/implants.html";

std::vector<td::Place> of_kind(const std::string& html, PlaceKind kind) {
  std::vector<td::Place> out;
  for (td::Place& place : td::extract_places_from_html(html, kUrl)) {
    if (place.kind == kind) out.push_back(std::move(place));
  }
  return out;
}
}  // namespace

TEST_CASE("element_places: a script src is resolved, with raw and type as written") {
  auto places = of_kind(
      "<script type=\"text/javascript\" src=\"//www.googletagmanager.com/gtag/js?id=G-1\">"
      "</script><script type=module src=\"/js/m.js\"></script>",
      PlaceKind::kScriptSrc);
  REQUIRE(places.size() == 2);
  CHECK(places[0].value == "https://www.googletagmanager.com/gtag/js?id=G-1");
  CHECK(places[0].raw == "//www.googletagmanager.com/gtag/js?id=G-1");
  CHECK(places[0].script_type == "text/javascript");
  CHECK(places[1].value == "https://clinic.example/js/m.js");
  CHECK(places[1].script_type == "module");
  CHECK_FALSE(places[0].commented);
  CHECK_FALSE(places[0].consent_gated);
}

TEST_CASE("element_places: a script with src yields no inline place; an empty src yields none") {
  auto html =
      "<script src=\"https://a.example/x.js\">fbq('init','1')</script>"
      "<script src=\"\">fbq('init','2')</script>";
  CHECK(of_kind(html, PlaceKind::kScriptInline).empty());
  CHECK(of_kind(html, PlaceKind::kScriptSrc).size() == 1);
}

TEST_CASE("element_places: inline bodies are kept, blank ones skipped") {
  auto places = of_kind(
      "<script>\n  fbq('init', '42');\n</script><script> \n\t</script><script>"
      "</script>",
      PlaceKind::kScriptInline);
  REQUIRE(places.size() == 1);
  CHECK(places[0].value == "\n  fbq('init', '42');\n");
  CHECK(places[0].raw.empty());
}

TEST_CASE("element_places: scripts that are not JavaScript are no place") {
  for (const char* type : {"application/ld+json", "text/template", "text/x-handlebars-template",
                           "importmap", "text/plain", "speculationrules"}) {
    INFO(type);
    std::string html = std::string("<script type=\"") + type +
                       "\">{\"@id\": \"https://connect.facebook.net/x\"}</script>"
                       "<script type=\"" +
                       type + "\" src=\"https://a.example/x.js\"></script>";
    CHECK(td::extract_places_from_html(html, kUrl).empty());
  }
}

TEST_CASE("element_places: JavaScript types are active") {
  for (const char* type :
       {"", "module", "text/javascript", "application/javascript", "TEXT/JAVASCRIPT"}) {
    INFO(type);
    std::string html = std::string("<script type=\"") + type + "\">ttq.load('C1')</script>";
    CHECK(of_kind(html, PlaceKind::kScriptInline).size() == 1);
  }
}

TEST_CASE("element_places: consent-gated scripts are places flagged as gated") {
  auto inline_places = of_kind(
      "<script type=\"text/plain\" data-cookieconsent=\"marketing\">fbq('init','9')</script>",
      PlaceKind::kScriptInline);
  REQUIRE(inline_places.size() == 1);
  CHECK(inline_places[0].consent_gated);
  CHECK(inline_places[0].script_type == "text/plain");
  auto src_places = of_kind(
      "<script type=\"text/plain\" class=\"optanon-category-C0004\" "
      "src=\"https://static.hotjar.com/c/hotjar-1.js\"></script>"
      "<script type=\"text/plain\" data-service=\"ga\" "
      "data-cmplz-src=\"https://www.googletagmanager.com/gtag/js?id=G-2\"></script>",
      PlaceKind::kScriptSrc);
  REQUIRE(src_places.size() == 2);
  CHECK(src_places[0].consent_gated);
  CHECK(src_places[1].consent_gated);
  CHECK(src_places[1].value == "https://www.googletagmanager.com/gtag/js?id=G-2");
}

TEST_CASE("element_places: a consent marker on a running script does not gate it") {
  auto places = of_kind(
      "<script data-cookieconsent=\"marketing\" src=\"//platform.twitter.com/widgets.js\">"
      "</script>",
      PlaceKind::kScriptSrc);
  REQUIRE(places.size() == 1);
  CHECK_FALSE(places[0].consent_gated);
}

TEST_CASE("element_places: img and iframe src, and gated embeds from their deferred src") {
  std::string html =
      "<img src=\"https://px.ads.linkedin.com/collect/?pid=3110444\">"
      "<img src=\"data:image/gif;base64,R0lGOD\"><img src=\"\">"
      "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>"
      "<iframe data-src=\"https://www.youtube.com/embed/gated\" data-category=\"marketing\">"
      "</iframe><iframe data-src=\"https://lazy.example/frame\"></iframe>";
  auto imgs = of_kind(html, PlaceKind::kImg);
  REQUIRE(imgs.size() == 1);
  CHECK(imgs[0].value == "https://px.ads.linkedin.com/collect/?pid=3110444");
  auto iframes = of_kind(html, PlaceKind::kIframe);
  REQUIRE(iframes.size() == 2);
  CHECK_FALSE(iframes[0].consent_gated);
  CHECK(iframes[1].consent_gated);
  CHECK(iframes[1].value == "https://www.youtube.com/embed/gated");
}

TEST_CASE("element_places: links that contact a host are places, others not") {
  std::string html =
      "<link rel=\"preconnect\" href=\"https://www.googletagmanager.com\">"
      "<link rel=\"DNS-Prefetch\" href=\"//connect.facebook.net\">"
      "<link rel=\"preload\" as=\"script\" href=\"https://s.pinimg.com/ct/core.js\">"
      "<link rel=\"prefetch\" href=\"/next\"><link rel=\"modulepreload\" href=\"/m.js\">"
      "<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=X\">"
      "<link rel=\"icon\" href=\"/favicon.ico\"><link rel=\"canonical\" href=\"/x\">"
      "<link rel=\"profile\" href=\"https://gmpg.org/xfn/11\"><link rel=\"stylesheetx\" "
      "href=\"/y\">";
  auto links = of_kind(html, PlaceKind::kLink);
  REQUIRE(links.size() == 6);
  CHECK(links[1].value == "https://connect.facebook.net");
  CHECK(links[3].value == "https://clinic.example/next");
}

TEST_CASE("element_places: meta is name=content, from name or else property") {
  auto metas = of_kind(
      "<meta name=\"p:domain_verify\" content=\" abc \">"
      "<meta name=\"facebook-domain-verification\" content=\"xyz\">"
      "<meta property=\"fb:app_id\" content=\"123\"><meta charset=\"utf-8\">"
      "<meta name=\"robots\" content=\"\">",
      PlaceKind::kMeta);
  REQUIRE(metas.size() == 3);
  CHECK(metas[0].value == "p:domain_verify=abc");
  CHECK(metas[0].raw == "name");
  CHECK(metas[1].value == "facebook-domain-verification=xyz");
  CHECK(metas[2].value == "fb:app_id=123");
  CHECK(metas[2].raw == "property");
}

TEST_CASE("element_places: ID-carrying attributes are name=value places") {
  std::string long_value(300, 'x');
  auto places = of_kind(
      "<div data-site-id=\"6090192\" data-empty=\"\" data-long=\"" + long_value +
          "\" data-snippet=\"<script src=x></script>\" id=\"main\" class=\"c\"></div>"
          "<div class=\"fb-customerchat\" page_id=\"369498553233625\"></div>"
          "<chat-widget location-id=\"IN6N5n\" style=\"x\"></chat-widget>"
          "<script src=\"https://wts.one/log7.js\" onload=\"wtslog7('2071715','2')\"></script>"
          "<a onclick=\"ga('send')\">x</a>",
      PlaceKind::kDataAttribute);
  std::vector<std::string> values;
  for (const auto& place : places) values.push_back(place.value);
  CHECK(values == std::vector<std::string>{"data-site-id=6090192", "page_id=369498553233625",
                                           "location-id=IN6N5n", "style=x",
                                           "onload=wtslog7('2071715','2')"});
  CHECK(places[0].raw == "data-site-id");
}

TEST_CASE("element_places: attribute places stop at the per-page cap") {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<i data-n=\"" + std::to_string(i) + "\"></i>";
  CHECK(of_kind(html, PlaceKind::kDataAttribute).size() == 2000);
}

TEST_CASE("element_places: URL kinds are the src and href kinds") {
  CHECK(td::is_url_place(PlaceKind::kScriptSrc));
  CHECK(td::is_url_place(PlaceKind::kNoscriptImg));
  CHECK(td::is_url_place(PlaceKind::kLink));
  CHECK_FALSE(td::is_url_place(PlaceKind::kMeta));
  CHECK_FALSE(td::is_url_place(PlaceKind::kScriptInline));
  CHECK_FALSE(td::is_url_place(PlaceKind::kDataAttribute));
}

TEST_CASE("element_places: markup may hold places when it has a tag-holding start tag") {
  CHECK(td::may_hold_places("x <SCRIPT>", false));
  CHECK(td::may_hold_places("<img\nsrc=x>", false));
  CHECK(td::may_hold_places("<meta name=a content=b>", false));
  CHECK(td::may_hold_places("<iframe/>", true));
  CHECK_FALSE(td::may_hold_places("<meta name=a content=b>", true));
  CHECK_FALSE(td::may_hold_places("<div><p>x</p><imgx></div><scripts>", false));
  CHECK_FALSE(td::may_hold_places("a < b, <img", false));
}
