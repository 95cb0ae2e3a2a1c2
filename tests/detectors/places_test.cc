#include "detectors/places.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "detectors/html_tree.h"
#include "tests/support/temp_dir.h"

namespace td = tagdrift::detectors;
using td::PlaceKind;

namespace {
constexpr const char* kUrl = "https://clinic.example/dental/implants.html";

std::vector<td::Place> places(const std::string& html, const td::PlaceLimits& limits = {}) {
  return td::extract_places_from_html(html, kUrl, limits);
}

std::vector<td::Place> of_kind(const std::vector<td::Place>& all, PlaceKind kind) {
  std::vector<td::Place> out;
  for (const td::Place& place : all) {
    if (place.kind == kind) out.push_back(place);
  }
  return out;
}

const td::Place* with_value(const std::vector<td::Place>& all, const std::string& part) {
  for (const td::Place& place : all) {
    if (place.value.find(part) != std::string::npos) return &place;
  }
  return nullptr;
}

std::string fixture(const std::string& name) {
  return tagdrift::testing::read_file(std::string(TAGDRIFT_FIXTURES_DIR) + "/places/" + name);
}
}  // namespace

TEST_CASE("places: noscript img in head and iframe in body are noscript kinds, once each") {
  auto all = places(
      "<html><head>\n<noscript><img height=\"1\" src=\"https://www.facebook.com/tr?id=1\">"
      "</noscript>\n<title>x</title></head><body>\n<noscript><iframe "
      "src=\"https://www.googletagmanager.com/ns.html?id=GTM-1\"></iframe></noscript></body>");
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == PlaceKind::kNoscriptImg);
  CHECK(all[0].value == "https://www.facebook.com/tr?id=1");
  CHECK(all[0].line == 2);
  CHECK(all[1].kind == PlaceKind::kNoscriptIframe);
  CHECK(all[1].line == 4);
}

TEST_CASE("places: inside noscript only img and iframe count") {
  auto all = places(
      "<noscript><script src=\"https://a.example/x.js\"></script><link rel=stylesheet "
      "href=\"https://b.example/c.css\"><div data-id=\"7\"><p><img src=\"/p.gif\"></p></div>"
      "<meta name=\"x\" content=\"y\"></noscript>");
  REQUIRE(all.size() == 1);
  CHECK(all[0].kind == PlaceKind::kNoscriptImg);
  CHECK(all[0].value == "https://clinic.example/p.gif");
}

TEST_CASE("places: noscript content is raw text up to the first </noscript") {
  auto all = places(
      "<body><noscript><p>Enable JS</p>\n<img\nsrc=\"https://px.example/a.gif\"></NOSCRIPT>"
      "<img src=\"https://live.example/b.png\"><noscript><img src=\"/unclosed.gif\">");
  REQUIRE(all.size() == 3);
  CHECK(all[0].kind == PlaceKind::kNoscriptImg);
  CHECK(all[0].line == 2);
  CHECK(all[1].kind == PlaceKind::kImg);
  CHECK(all[2].kind == PlaceKind::kNoscriptImg);
  CHECK(all[2].value == "https://clinic.example/unclosed.gif");
}

TEST_CASE("places: an HTML comment with markup yields commented places") {
  auto all = places(
      "<head>\n<!-- Hotjar\n<script src=\"https://static.hotjar.com/c/hotjar-1.js\"></script>\n"
      "<noscript><img src=\"https://px.example/p.gif\"></noscript> -->\n"
      "<!-- no markup, a < b --><!--[if lt IE 9]><script src=\"//cdn.example/shiv.js\">"
      "</script><![endif]--></head>");
  REQUIRE(all.size() == 3);
  for (const auto& place : all) CHECK(place.commented);
  CHECK(all[0].kind == PlaceKind::kScriptSrc);
  CHECK(all[0].line == 3);
  CHECK(all[1].kind == PlaceKind::kNoscriptImg);
  CHECK(all[1].line == 4);
  CHECK(all[2].value == "https://cdn.example/shiv.js");
}

TEST_CASE("places: a comment that closes early leaves the rest live (dental header trap)") {
  auto all = places(
      "<!-- Google Tag Manager -->\n<script>gtm('GTM-5WW98D');</script> -->\n"
      "<!-- End Google Tag Manager \n<script src=\"//cdn.callrail.com/swap.js\"></script>\n-->\n"
      "<script>fbq('init','2')</script>");
  REQUIRE(all.size() == 3);
  CHECK_FALSE(all[0].commented);
  CHECK(all[1].commented);
  CHECK(all[1].line == 4);
  CHECK_FALSE(all[2].commented);
}

TEST_CASE("places: mentions in text, pre, textarea and attributes are no place") {
  CHECK(places(fixture("escaped_mentions.html")).empty());
}

TEST_CASE("places: comments inside comments are read to the depth limit") {
  std::string html =
      "<!-- <script src=\"https://d1.example/a.js\"></script> {{-- <script "
      "src=\"https://d2.example/b.js\"></script> <?php /* <script "
      "src=\"https://d3.example/c.js\"></script> */ ?> --}} -->";
  auto two = places(html);
  CHECK(with_value(two, "d1.example") != nullptr);
  CHECK(with_value(two, "d2.example") != nullptr);
  CHECK(with_value(two, "d3.example") == nullptr);
  td::PlaceLimits deeper;
  deeper.max_comment_reparse_depth = 3;
  CHECK(with_value(places(html, deeper), "d3.example") != nullptr);
  td::PlaceLimits none;
  none.max_comment_reparse_depth = 0;
  CHECK(places(html, none).empty());
}

TEST_CASE("places: a <base href> resolves every URL, wherever it sits") {
  auto all = places(
      "<script src=\"js/a.js\"></script><base href=\"https://cdn.example/sub/\">"
      "<img src=\"p.gif\"><!-- <base href=\"https://wrong.example/\"> -->");
  REQUIRE(all.size() == 2);
  CHECK(all[0].value == "https://cdn.example/sub/js/a.js");
  CHECK(all[0].raw == "js/a.js");
  CHECK(all[1].value == "https://cdn.example/sub/p.gif");
}

TEST_CASE("places: a Blade layout") {
  auto all = places(fixture("blade_layout.blade.php"));
  const td::Place* old_chat = with_value(all, "widget.oldchat.example");
  REQUIRE(old_chat != nullptr);
  CHECK(old_chat->commented);
  CHECK(old_chat->line == 7);
  const td::Place* old_img = with_value(all, "px.example/old.gif");
  REQUIRE(old_img != nullptr);
  CHECK(old_img->commented);
  CHECK(old_img->line == 20);
  const td::Place* gtag = with_value(all, "G-BLADE1234");
  REQUIRE(gtag != nullptr);
  CHECK_FALSE(gtag->commented);
  CHECK(gtag->line == 13);
  const td::Place* sdk = with_value(all, "loadSdk");
  REQUIRE(sdk != nullptr);
  CHECK(sdk->consent_gated);
  REQUIRE(with_value(all, "fbq('init', '{{ config('services.meta.pixel') }}')") != nullptr);
  REQUIRE(with_value(all, "facebook-domain-verification=abc123verify") != nullptr);
  REQUIRE(with_value(all, "/dental/{{ asset('js/app.js') }}") != nullptr);
  CHECK(of_kind(all, PlaceKind::kScriptSrc).size() == 3);
}

TEST_CASE("places: a WordPress PHP header") {
  auto all = places(fixture("wp_header.php"));
  const td::Place* pixel = with_value(all, "fbq('init', '1234567890123')");
  REQUIRE(pixel != nullptr);
  CHECK_FALSE(pixel->commented);
  CHECK(pixel->line == 10);
  const td::Place* noscript = with_value(all, "facebook.com/tr?id=1234567890123");
  REQUIRE(noscript != nullptr);
  CHECK(noscript->kind == PlaceKind::kNoscriptImg);
  CHECK_FALSE(noscript->commented);
  const td::Place* hotjar = with_value(all, "hotjar-99.js");
  REQUIRE(hotjar != nullptr);
  CHECK(hotjar->commented);
  CHECK(hotjar->line == 16);
  const td::Place* old = with_value(all, "old-tracker.example");
  REQUIRE(old != nullptr);
  CHECK(old->commented);
  CHECK(old->line == 19);
  int commented = 0;
  for (const auto& place : all) commented += place.commented ? 1 : 0;
  CHECK(commented == 2);
  CHECK(with_value(all, "https://<?php echo $cdn_host; ?>") != nullptr);
}

TEST_CASE("places: a Jekyll head include") {
  auto all = places(fixture("jekyll_head.html"));
  const td::Place* old = with_value(all, "G-OLDJEKYLL");
  REQUIRE(old != nullptr);
  CHECK(old->commented);
  CHECK(old->line == 6);
  const td::Place* gtag = with_value(all, "{{ site.google_id }}");
  REQUIRE(gtag != nullptr);
  CHECK(gtag->commented);
  CHECK(gtag->line == 9);
  const td::Place* pin = with_value(all, "pintrk('load'");
  REQUIRE(pin != nullptr);
  CHECK_FALSE(pin->commented);
  CHECK(pin->line == 12);
  REQUIRE(with_value(all, "p:domain_verify=pinverify42") != nullptr);
}

TEST_CASE("places: a Handlebars partial") {
  auto all = places(fixture("handlebars.hbs"));
  REQUIRE(all.size() == 3);
  CHECK(all[0].commented);
  CHECK(all[0].line == 2);
  CHECK(all[1].kind == PlaceKind::kIframe);
  CHECK(all[1].commented);
  CHECK(all[1].line == 3);
  CHECK_FALSE(all[2].commented);
  CHECK(all[2].value == "https://www.googletagmanager.com/gtm.js?id={{gtmId}}");
}

TEST_CASE("places: a PHP block is not a comment and does not cut a tag short") {
  auto all = places(
      "<?php if ($a > 1): ?>\n<script src=\"https://a.example/x.js\"></script>\n"
      "<?php endif ?><div <?php echo $x->attrs(); ?> data-id=\"5\"></div>");
  REQUIRE(all.size() == 2);
  CHECK_FALSE(all[0].commented);
  CHECK(all[0].line == 2);
  CHECK(all[1].value == "data-id=5");
}

TEST_CASE("places: the tree form does not take PHP's bogus comments for commented markup") {
  std::string html = "<?php echo '<script src=\"https://php.example/x.js\"></script>'; ?>";
  td::GumboOutputPtr output = td::parse_html(html);
  CHECK(td::extract_places(output->document, kUrl).empty());
  CHECK(places(html).empty());
}

TEST_CASE("places: commented markup without a tag-holding element is not parsed again") {
  CHECK(places("<!-- <div data-site-id=\"1\"><p>old</p></div> -->").empty());
  CHECK(places("<noscript><p data-id=\"2\">Enable JavaScript</p></noscript>").empty());
}

TEST_CASE(
    "places: a page nested 100,000 deep is cut at the depth guard, keeping what came before") {
  // Gumbo's tree building is quadratic in depth, so parse_html stops at kMaxHtmlDepth.
  std::string html = "<script src=\"https://before.example/x.js\"></script>";
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "<script src=\"https://deep.example/x.js\"></script>";
  auto all = places(html);
  REQUIRE(all.size() == 1);
  CHECK(all[0].value == "https://before.example/x.js");
}

TEST_CASE("places: a 5 MB inline script is cut to max_inline_bytes on a UTF-8 boundary") {
  std::string body;
  body.reserve(5u << 20);
  body += "fbq('init','1');";
  while (body.size() < (5u << 20)) body += "\xC3\xA9";  // "é", two bytes
  auto all = places("<script>" + body + "</script>");
  REQUIRE(all.size() == 1);
  CHECK(all[0].value.size() <= (4u << 20));
  CHECK(all[0].value.size() >= (4u << 20) - 1);
  CHECK((static_cast<unsigned char>(all[0].value.back()) & 0xC0) == 0x80);
  CHECK(all[0].value.starts_with("fbq('init','1');"));
}

TEST_CASE("places: at most max_places places are kept") {
  std::string html;
  for (int i = 0; i < 50; ++i) html += "<script src=\"/s" + std::to_string(i) + ".js\"></script>";
  td::PlaceLimits limits;
  limits.max_places = 10;
  auto all = places(html, limits);
  CHECK(all.size() == 10);
  CHECK(all[0].value == "https://clinic.example/s0.js");
}

TEST_CASE("places: malformed markup still yields the tags a browser would see") {
  auto all = places(
      "<html><body><p><b><table><tr><td><img src=\"https://a.example/1.gif\"></b></p>"
      "<noscript><img height=\"1\" src=\"https://ct.pinterest.com/v3/?tid=26&noscript=1\" "
      "/>&noscript=1\" /></noscript></noscript></noscript><iframe src=x.html "
      "<script src=\"https://b.example/x.js\"");
  auto imgs = of_kind(all, PlaceKind::kImg);
  REQUIRE(imgs.size() == 1);
  auto noscript = of_kind(all, PlaceKind::kNoscriptImg);
  REQUIRE(noscript.size() == 1);
  CHECK(noscript[0].value == "https://ct.pinterest.com/v3/?tid=26&noscript=1");
}

TEST_CASE("places: invalid UTF-8 and NUL bytes do not break extraction") {
  std::string html = "<script>fbq('init','\xff\xfe');</script><img src=\"/a\xc3(.gif\">";
  constexpr char kTail[] = "<!-- \x80 <script src=\"/c.js\"></script> -->\0<p>";
  html += std::string(kTail, sizeof kTail - 1);  // the NUL included
  auto all = places(html);
  REQUIRE(all.size() == 3);
  CHECK(all[0].kind == PlaceKind::kScriptInline);
  CHECK(all[2].commented);
}

TEST_CASE("places: line numbers count CRLF and CR line ends") {
  auto all = places(
      "<html>\r\n<head>\r\n<script>a()</script>\r<script\r\nsrc=\"/b.js\">"
      "</script>\r\n<!--\r\n<img src=\"/c.gif\">-->");
  REQUIRE(all.size() == 3);
  CHECK(all[0].line == 3);
  CHECK(all[1].line == 4);
  CHECK(all[2].line == 7);
}

TEST_CASE("places: the tree form walks a caller's parse, noscript included") {
  std::string html =
      "<head><noscript><img src=\"https://www.facebook.com/tr?id=9\"></noscript></head>"
      "<body><!-- <script src=\"//x.example/a.js\"></script> --><script>ttq.load('C')</script>";
  td::GumboOutputPtr output = td::parse_html(html);
  auto tree = td::extract_places(output->document, kUrl);
  auto text = places(html);
  REQUIRE(tree.size() == 3);
  REQUIRE(text.size() == tree.size());
  for (std::size_t i = 0; i < tree.size(); ++i) {
    CHECK(tree[i].kind == text[i].kind);
    CHECK(tree[i].value == text[i].value);
    CHECK(tree[i].commented == text[i].commented);
  }
  CHECK(of_kind(tree, PlaceKind::kNoscriptImg).size() == 1);
  CHECK(of_kind(tree, PlaceKind::kImg).empty());
  CHECK(td::extract_places(nullptr, kUrl).empty());
}

TEST_CASE("places: an empty or whitespace page has no places") {
  CHECK(places("").empty());
  CHECK(places("   \n").empty());
  CHECK(td::extract_places_from_html("<script src=x.js></script>", "").front().value == "x.js");
}
