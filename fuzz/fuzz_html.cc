// Fuzzes what a parse worker does with a page body: one Gumbo parse, then links, places (or the
// template-masked extraction), detection with script following, and the health context.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crawler/page.h"
#include "detectors/detector.h"
#include "detectors/health_lexicon.h"
#include "detectors/script_fetcher.h"
#include "detectors/signature_set.h"
#include "scan/page_analysis.h"
#include "scan/rescan.h"

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
  return 0;
}
