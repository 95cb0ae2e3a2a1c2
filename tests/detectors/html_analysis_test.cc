// The analysis entry point (detectors/html_analysis): template code is masked only in template
// source, one parse serves the caller's tree reader, the places and the health lens.
#include "detectors/html_analysis.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crawler/links.h"

namespace td = tagdrift::detectors;

namespace {

constexpr const char* kUrl = "https://clinic.test/services/ivf/";

// A Twig comment around a live Pinterest Tag: source code of a template, or text a server sent.
constexpr const char* kTwigComment =
    "<title>IVF treatment</title>{# <script src=\"https://s.pinimg.com/ct/core.js\"></script> #}"
    "<a href=\"/book/\">Book</a>";

const td::Place* pinterest(const std::vector<td::Place>& places) {
  for (const td::Place& place : places) {
    if (place.value.find("pinimg.com") != std::string::npos) return &place;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("html analysis: template code is masked only in template source") {
  const td::HtmlAnalysis source = td::analyse_html({kTwigComment, kUrl, /*template_source=*/true},
                                                   td::HealthLexicon::builtin());
  REQUIRE(pinterest(source.places) != nullptr);
  CHECK(pinterest(source.places)->commented);

  // A browser reads "{#" in a served page as text, and runs the script after it.
  const td::HtmlAnalysis served = td::analyse_html({kTwigComment, kUrl, /*template_source=*/false},
                                                   td::HealthLexicon::builtin());
  REQUIRE(pinterest(served.places) != nullptr);
  CHECK_FALSE(pinterest(served.places)->commented);
}

TEST_CASE("html analysis: the caller reads links from the same parse, once") {
  for (const bool template_source : {false, true}) {
    INFO("template source: " << template_source);
    int calls = 0;
    std::vector<std::string> links;
    const td::HtmlAnalysis analysis =
        td::analyse_html({kTwigComment, kUrl, template_source}, td::HealthLexicon::builtin(),
                         [&](const GumboNode& root) {
                           ++calls;
                           links = tagdrift::crawler::extract_links(&root, kUrl, 100);
                         });
    CHECK(calls == 1);
    CHECK(links == std::vector<std::string>{"https://clinic.test/book/"});
    CHECK(analysis.context.health_context);
  }
}

TEST_CASE("html analysis: served HTML and template source without template code read alike") {
  const std::string page =
      "<title>Fertility treatment</title><h1>IVF</h1><!-- <script "
      "src=\"https://s.pinimg.com/ct/core.js\"></script> --><p>Prose that is long enough to be "
      "skimmed by the parse</p><img src=\"https://ct.pinterest.com/v3/?tid=2612345678901\">";
  const td::HtmlAnalysis served =
      td::analyse_html({page, kUrl, false}, td::HealthLexicon::builtin());
  const td::HtmlAnalysis source =
      td::analyse_html({page, kUrl, true}, td::HealthLexicon::builtin());
  REQUIRE(served.places.size() == 2);
  REQUIRE(source.places.size() == served.places.size());
  for (std::size_t i = 0; i < served.places.size(); ++i) {
    CHECK(source.places[i].value == served.places[i].value);
    CHECK(source.places[i].commented == served.places[i].commented);
    CHECK(source.places[i].line == served.places[i].line);
  }
  CHECK(served.context.health_terms == source.context.health_terms);
}
