// Where a <noscript>'s raw text ends (detectors/noscript_text): the one search places.cc and
// skimmed_parse.cc share, so the skim check protects exactly the text the places read again.
#include "detectors/noscript_text.h"

#include <catch2/catch.hpp>
#include <string_view>

using tagdrift::detectors::find_noscript_end;

TEST_CASE("noscript text: the first end tag at or after the start, in any case") {
  constexpr std::string_view kPage = "<img src=x></noscript><p>after</NoScript >";
  CHECK(find_noscript_end(kPage) == 11);
  CHECK(find_noscript_end(kPage, 12) == kPage.find("</NoScript"));
  CHECK(find_noscript_end("a </NOSCRIPT>") == 2);
}

TEST_CASE("noscript text: without an end tag it runs to the end of the text") {
  CHECK(find_noscript_end("<img src=x>") == std::string_view::npos);
  CHECK(find_noscript_end("<img src=x></noscr") == std::string_view::npos);
  CHECK(find_noscript_end("</script></nos-cript></no script>") == std::string_view::npos);
  CHECK(find_noscript_end("</noscript>", 1) == std::string_view::npos);
}
