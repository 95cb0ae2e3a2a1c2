// The named values a request carries, read the way vendors' beacons send them: a query string, a
// form body, GA4's batches (one event's parameters per line) and JSON bodies (leaf values by
// their dotted key path). Bounded: a hostile body costs at most the limits below.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

enum class ParamSource { kQuery, kBody };

struct RequestParam {
  std::string name;   // percent-decoded; JSON keys joined by '.', array elements unnamed
  std::string value;  // percent-decoded; a JSON string, number or boolean as text
  ParamSource source = ParamSource::kQuery;
};

struct RequestLimits {
  std::size_t max_body_bytes = 256 << 10;  // of a body that is read; the rest is ignored
  std::size_t max_params = 2000;           // per request, query and body together
  std::size_t max_value_bytes = 4096;      // of one value that is kept
  std::size_t max_json_depth = 32;         // deeper JSON is left unread
};

// "a=1&b=%20x" -> (a, "1"), (b, " x"). '+' is a space. Empty names are skipped.
void append_form_params(std::string_view text, ParamSource source, const RequestLimits& limits,
                        std::vector<RequestParam>& out);

// The parameters of a body: JSON when the content type says so or the body starts with '{' or
// '[', otherwise form lines ('&' and line breaks both separate: GA4 sends one event per line).
void append_body_params(std::string_view body, std::string_view content_type,
                        const RequestLimits& limits, std::vector<RequestParam>& out);

}  // namespace tagdrift::detectors
