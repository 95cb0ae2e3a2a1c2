#include "detectors/request_params.h"

#include <nlohmann/json.hpp>

#include "util/ascii.h"
#include "util/percent_decode.h"

namespace tagdrift::detectors {
namespace {

bool full(const std::vector<RequestParam>& out, const RequestLimits& limits) {
  return out.size() >= limits.max_params;
}

void add_param(std::string name, std::string value, ParamSource source, const RequestLimits& limits,
               std::vector<RequestParam>& out) {
  if (name.empty() || full(out, limits)) return;
  if (value.size() > limits.max_value_bytes) value.resize(limits.max_value_bytes);
  out.push_back({std::move(name), std::move(value), source});
}

// Leaf values of a JSON body by key path, read as SAX events so that no tree is built and the
// depth and count stay bounded: returning false stops the parse, keeping what was read.
class JsonParams {
 public:
  using json = nlohmann::json;
  JsonParams(const RequestLimits& limits, std::vector<RequestParam>& out)
      : limits_(limits), out_(out) {}

  bool null() { return true; }
  bool boolean(bool value) { return leaf(value ? "true" : "false"); }
  bool number_integer(json::number_integer_t value) { return leaf(std::to_string(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return leaf(std::to_string(value)); }
  bool number_float(json::number_float_t, const json::string_t& text) { return leaf(text); }
  bool string(json::string_t& value) { return leaf(value); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(); }
  bool start_array(std::size_t) { return open(); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& name) {
    path_.resize(bases_.back());
    if (!path_.empty()) path_ += '.';
    path_ += name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  bool leaf(const std::string& value) {
    add_param(path_, value, ParamSource::kBody, limits_, out_);
    return !full(out_, limits_);
  }
  bool open() {
    if (bases_.size() >= limits_.max_json_depth) return false;
    bases_.push_back(path_.size());
    return true;
  }
  bool close() {
    if (bases_.empty()) return false;
    path_.resize(bases_.back());
    bases_.pop_back();
    return true;
  }

  const RequestLimits& limits_;
  std::vector<RequestParam>& out_;
  std::string path_;                // the key path of the value being read
  std::vector<std::size_t> bases_;  // per open object or array: the length of its own path
};

bool looks_like_json(std::string_view body, std::string_view content_type) {
  if (ascii_lowercase(content_type).find("json") != std::string::npos) return true;
  std::size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
}

}  // namespace

void append_form_params(std::string_view text, ParamSource source, const RequestLimits& limits,
                        std::vector<RequestParam>& out) {
  std::size_t pos = 0;
  while (pos <= text.size() && !full(out, limits)) {
    std::size_t end = text.find_first_of("&\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(pos, end - pos);
    if (!pair.empty() && pair.back() == '\r') pair.remove_suffix(1);
    std::size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    add_param(percent_decoded(name, true), percent_decoded(value, true), source, limits, out);
    pos = end + 1;
  }
}

void append_body_params(std::string_view body, std::string_view content_type,
                        const RequestLimits& limits, std::vector<RequestParam>& out) {
  if (body.size() > limits.max_body_bytes) body = body.substr(0, limits.max_body_bytes);
  if (!looks_like_json(body, content_type)) {
    append_form_params(body, ParamSource::kBody, limits, out);
    return;
  }
  JsonParams params(limits, out);
  nlohmann::json::sax_parse(body, &params, nlohmann::json::input_format_t::json, true, false);
}

}  // namespace tagdrift::detectors
