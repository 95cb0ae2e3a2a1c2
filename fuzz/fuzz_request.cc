// Fuzzes what reads a request a page sent: the beacon matcher (query, form, GA4 lines and JSON
// bodies) and the form-canary search. Input: the URL, a line break, the content type, a line
// break, the body. Whatever the input: no crash, evidence within its cap, events bounded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detectors/canary_search.h"
#include "detectors/network_evidence.h"
#include "detectors/network_match.h"
#include "detectors/signature_set.h"

namespace {

std::string_view next_line(std::string_view& text) {
  std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::detectors;
  static const SignatureSet signatures;
  static const CanarySearch canaries(make_form_canaries(1));
  std::string_view text(reinterpret_cast<const char*>(data), size);
  NetworkRequest request;
  request.url = std::string(next_line(text));
  request.content_type = std::string(next_line(text));
  request.body = std::string(text);
  request.method = request.body.empty() ? "GET" : "POST";
  request.page_url = "https://www.clinic.test/book/";
  RequestLimits small;  // tight limits reach their edges with small inputs
  small.max_params = 8;
  small.max_json_depth = 3;
  small.max_value_bytes = 16;
  for (const RequestLimits& limits : {RequestLimits{}, small}) {
    PageDetections found = match_request(signatures, request, limits);
    if (found.active.size() + found.unknown.size() > 1) __builtin_trap();
    for (const auto* list : {&found.active, &found.unknown}) {
      for (const Sighting& s : *list) {
        if (s.evidence.size() > kMaxNetworkEvidenceBytes) __builtin_trap();
        if (s.events.size() > 64 || s.enhanced_match.size() > 64) __builtin_trap();
        if (s.place != PlaceKind::kNetwork) __builtin_trap();
      }
    }
  }
  canaries.search(request.url, request.body);
  return 0;
}
