#include "crawler/sitemap.h"

#include <libxml/parser.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "crawler/gunzip.h"
#include "util/ascii.h"

namespace tagdrift::crawler {
namespace {

struct ParserContextDeleter {
  void operator()(xmlParserCtxt* context) const {
    if (context->myDoc != nullptr) xmlFreeDoc(context->myDoc);
    xmlFreeParserCtxt(context);
  }
};
using ParserContext = std::unique_ptr<xmlParserCtxt, ParserContextDeleter>;

// The parser is fed in pieces so that it stops soon after the URL budget is spent.
constexpr std::size_t kChunkBytes = 64 * 1024;

// Longer locations cannot be URLs the crawler would keep; their text is not buffered.
constexpr std::size_t kMaxLocBytes = 64 * 1024;

// No network, no DTD loading, no entity substitution, no messages on stderr.
constexpr int kParserOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

void ensure_libxml_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool looks_like_xml(std::string_view body) {
  if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) return true;  // UTF-16
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::string_view rest = trim(body);
  return !rest.empty() && rest.front() == '<';
}

std::string too_many(std::size_t max_urls) {
  return "more than " + std::to_string(max_urls) + " URLs; the rest were ignored";
}

void parse_plain_text(std::string_view body, std::size_t max_urls, Sitemap& out) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  bool other_text = false;
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = trim(body.substr(0, end));
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    if (line.empty()) continue;
    if (!istarts_with(line, "http://") && !istarts_with(line, "https://")) {
      other_text = true;
      continue;
    }
    if (out.pages.size() >= max_urls) {
      out.error = too_many(max_urls);
      return;
    }
    out.pages.emplace_back(line);
  }
  if (out.pages.empty() && other_text) out.error = "neither XML nor a list of URLs";
}

// Collects <loc> text of the <url> and <sitemap> children of the root element; <loc>s deeper
// down (image:loc, video:loc) belong to extensions and are not pages.
class LocCollector {
 public:
  LocCollector(std::size_t max_urls, Sitemap& out) : max_urls_(max_urls), out_(out) {}

  void start(std::string_view name);
  void end(std::string_view name);
  void text(std::string_view chunk);
  void error(const xmlError& error);
  // True once the URL budget is spent; the parse stops.
  bool full() const { return full_; }
  const std::string& first_error() const { return first_error_; }

 private:
  std::size_t max_urls_;
  Sitemap& out_;
  int depth_ = 0;                              // of the element being read; the root is 1
  std::vector<std::string>* entry_ = nullptr;  // inside <url> or <sitemap>: where locs go
  bool in_loc_ = false;
  bool full_ = false;
  std::string text_;
  std::string first_error_;
};

void LocCollector::start(std::string_view name) {
  ++depth_;
  if (depth_ == 2 && (name == "url" || name == "sitemap")) {
    entry_ = name == "url" ? &out_.pages : &out_.sitemaps;
  } else if (depth_ == 3 && entry_ != nullptr && name == "loc") {
    in_loc_ = true;
    text_.clear();
  }
}

void LocCollector::end(std::string_view name) {
  const int depth = depth_--;
  if (depth == 2) entry_ = nullptr;
  if (depth != 3 || !in_loc_ || name != "loc") return;
  in_loc_ = false;
  const std::string_view loc = trim(text_);
  if (loc.empty() || text_.size() > kMaxLocBytes || full_) return;
  if (out_.pages.size() + out_.sitemaps.size() >= max_urls_) {
    full_ = true;
    return;
  }
  entry_->emplace_back(loc);
}

void LocCollector::text(std::string_view chunk) {
  if (in_loc_ && text_.size() <= kMaxLocBytes) text_ += chunk;
}

void LocCollector::error(const xmlError& error) {
  if (!first_error_.empty() || error.level < XML_ERR_ERROR) return;
  first_error_ = "malformed XML at line " + std::to_string(error.line);
  if (error.message != nullptr) first_error_ += ": " + std::string(trim(error.message));
}

// SAX2 callbacks; libxml2 hands each the LocCollector as its user data.
LocCollector& collector_of(void* user) { return *static_cast<LocCollector*>(user); }

std::string_view view(const xmlChar* text) {
  return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

void on_start(void* user, const xmlChar* local_name, const xmlChar*, const xmlChar*, int,
              const xmlChar**, int, int, const xmlChar**) {
  collector_of(user).start(view(local_name));
}

void on_end(void* user, const xmlChar* local_name, const xmlChar*, const xmlChar*) {
  collector_of(user).end(view(local_name));
}

void on_text(void* user, const xmlChar* text, int length) {
  collector_of(user).text(std::string_view(reinterpret_cast<const char*>(text), length));
}

void on_error(void* user, xmlErrorPtr error) {
  if (error != nullptr) collector_of(user).error(*error);
}

// Only element and text events: with no entity declaration handler, a document's own entities
// are never stored, so a reference to one is a fatal error instead of an expansion (billion
// laughs) or a file read (XXE). Predefined entities and character references still work.
xmlSAXHandler sitemap_handler() {
  xmlSAXHandler handler{};
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = on_start;
  handler.endElementNs = on_end;
  handler.characters = on_text;
  handler.cdataBlock = on_text;
  handler.serror = on_error;
  return handler;
}

void parse_xml(std::string_view body, std::size_t max_urls, Sitemap& out) {
  ensure_libxml_initialised();
  LocCollector collector(max_urls, out);
  xmlSAXHandler handler = sitemap_handler();
  // The first bytes go in with the context so that libxml2 can detect the encoding.
  const std::string_view head = body.substr(0, 4);
  const ParserContext context(xmlCreatePushParserCtxt(&handler, &collector, head.data(),
                                                      static_cast<int>(head.size()), nullptr));
  if (!context) {
    out.error = "cannot create an XML parser";
    return;
  }
  xmlCtxtUseOptions(context.get(), kParserOptions);
  body.remove_prefix(head.size());
  int status = 0;
  while (status == 0 && !collector.full() && !body.empty()) {
    const std::string_view chunk = body.substr(0, kChunkBytes);
    body.remove_prefix(chunk.size());
    status = xmlParseChunk(context.get(), chunk.data(), static_cast<int>(chunk.size()), 0);
  }
  if (status == 0 && !collector.full()) status = xmlParseChunk(context.get(), nullptr, 0, 1);
  if (collector.full()) {
    out.error = too_many(max_urls);
  } else if (!collector.first_error().empty()) {
    out.error = collector.first_error();
  } else if (status != 0) {
    out.error = "malformed XML";
  }
}

}  // namespace

Sitemap parse_sitemap(std::string_view body, std::size_t max_decompressed, std::size_t max_urls) {
  Sitemap out;
  std::optional<std::string> inflated;
  if (looks_gzipped(body)) {
    std::string error;
    inflated = gunzip(body, max_decompressed, &error);
    if (!inflated) {
      out.error = "gzipped sitemap: " + error;
      return out;
    }
    body = *inflated;
  }
  if (looks_like_xml(body)) {
    parse_xml(body, max_urls, out);
  } else {
    parse_plain_text(body, max_urls, out);
  }
  return out;
}

}  // namespace tagdrift::crawler
