#include "detectors/network_evidence.h"

#include <algorithm>

#include "detectors/match_evidence.h"
#include "util/percent_decode.h"

namespace tagdrift::detectors {
namespace {

constexpr std::string_view kCut = "\xE2\x80\xA6";  // "…"

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// One "name=value" with the value redacted unless kept; names keep their spelling as sent, with
// anything that looks like a personal value in them redacted too.
std::string param_text(std::string_view raw_name, std::string_view decoded_name,
                       std::string_view value, const KeptParams& params) {
  std::string out = redact_values(raw_name);
  out += '=';
  if (listed(params.ids, decoded_name)) {
    out += value;
  } else if (listed(params.events, decoded_name)) {
    out += redact_values(value);
  } else {
    out += '*';
  }
  return out;
}

// Appends `part` unless the line would pass the cap; false once it is full.
bool append(std::string& line, std::string_view separator, const std::string& part) {
  if (line.size() + separator.size() + part.size() + kCut.size() > kMaxNetworkEvidenceBytes) {
    line += kCut;
    return false;
  }
  line += separator;
  line += part;
  return true;
}

bool append_query(std::string& line, std::string_view query, const KeptParams& params) {
  std::string_view separator = "?";
  for (std::size_t pos = 0; pos < query.size();) {
    std::size_t end = std::min(query.find('&', pos), query.size());
    std::string_view pair = query.substr(pos, end - pos);
    pos = end + 1;
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
    if (!append(line, separator, param_text(name, percent_decoded(name, true), value, params))) {
      return false;
    }
    separator = "&";
  }
  return true;
}

}  // namespace

std::string network_evidence(std::string_view method, std::string_view url_base,
                             std::string_view path, std::string_view query, bool keep_path,
                             const std::vector<RequestParam>& body, const KeptParams& kept) {
  std::string line = std::string(method) + " " + std::string(url_base);
  if (!append(line, "", keep_path ? std::string(path) : redact_values(path))) return line;
  if (!append_query(line, query, kept)) return line;
  std::string_view separator = " body: ";
  for (const RequestParam& param : body) {
    if (param.source != ParamSource::kBody) continue;
    if (!append(line, separator, param_text(param.name, param.name, param.value, kept))) break;
    separator = "&";
  }
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  if (line.size() > kMaxNetworkEvidenceBytes) {  // only a method or host longer than the cap
    line.resize(kMaxNetworkEvidenceBytes - kCut.size());
    line += kCut;
  }
  return line;
}

}  // namespace tagdrift::detectors
