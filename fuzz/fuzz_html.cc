// Fuzzes what a parse worker does with a page body: one Gumbo parse, then links, places,
// detection with script following, and the health context; for a body with template code, also
// as a directory target's file (template code masked before the places are read). Then
// holds the skimmed parse to its promise: the same digest as a full parse of the same body.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "crawler/page.h"
#include "detectors/detector.h"
#include "detectors/health_lexicon.h"
#include "detectors/html_tree.h"
#include "detectors/script_fetcher.h"
#include "detectors/signature_set.h"
#include "detectors/skimmed_parse.h"
#include "detectors/template_text.h"
#include "scan/page_analysis.h"
#include "scan/rescan.h"
#include "tests/support/tree_digest.h"

namespace {

// Serves the page itself as every script it loads, so fetched-script matching sees fuzzed text.
class EchoFetcher : public tagdrift::detectors::ScriptFetcher {
 public:
  explicit EchoFetcher(const std::string& body) : body_(body) {}
  tagdrift::detectors::FetchedScript fetch(const std::string& url) override {
    return {url, body_, ""};
  }

 private:
  const std::string& body_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift;
  static const detectors::SignatureSet signatures;
  static const detectors::Detector detector(signatures);
  static const detectors::HealthLexicon& lexicon = detectors::HealthLexicon::builtin();
  static const scan::Rescan cold;  // no earlier scan: every page is parsed

  crawler::Page page;
  page.url = page.final_url = "https://www.example-clinic.test/services/ivf/";
  page.status = 200;
  page.content_type = "text/html";
  page.body.assign(reinterpret_cast<const char*>(data), size);
  EchoFetcher fetcher(page.body);
  const scan::PageAnalyser analyser{detector, lexicon, &fetcher, 1000, cold, true};
  scan::analyse_page(page, analyser);
  if (detectors::looks_like_template(page.body)) {  // and as a directory target's file reads it
    page.template_source = true;
    scan::analyse_page(page, analyser);
  }

  const std::string full =
      testing::tree_digest(detectors::parse_html(page.body)->root, page.final_url);
  const std::string skimmed =
      testing::tree_digest(detectors::parse_page_html(page.body)->root, page.final_url);
  if (full != skimmed) {
    std::fprintf(stderr, "skimmed parse differs:\n--- full\n%s--- skimmed\n%s", full.c_str(),
                 skimmed.c_str());
    std::abort();
  }
  return 0;
}
