#include "crawler/links.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_set>

#include "util/ascii.h"
#include "util/html_parse.h"

namespace tagdrift::crawler {
namespace {

const char* attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
  return found != nullptr ? found->value : nullptr;
}

// True when the space-separated `rel` holds a token that makes a <link> a page: alternate
// versions (languages, mobile), pagination. Stylesheets and icons are not pages.
bool is_page_rel(std::string_view rel) {
  bool page = false;
  while (!rel.empty()) {
    const std::size_t space = rel.find_first_of(" \t\n\r\f");
    const std::string_view token = rel.substr(0, space);
    rel.remove_prefix(space == std::string_view::npos ? rel.size() : space + 1);
    if (iequals(token, "stylesheet") || iequals(token, "icon")) return false;
    page = page || iequals(token, "alternate") || iequals(token, "next") ||
           iequals(token, "prev") || iequals(token, "previous");
  }
  return page;
}

// The URL an element links to, or nullptr.
const char* link_target(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA:
      return attribute(element, "href");
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
      return attribute(element, "src");
    case GUMBO_TAG_LINK: {
      const char* rel = attribute(element, "rel");
      return rel != nullptr && is_page_rel(rel) ? attribute(element, "href") : nullptr;
    }
    default:
      return nullptr;
  }
}

// Visits elements in document order with an explicit stack, so that no nesting depth can
// exhaust the thread's stack. `visit` returns false to stop.
template <typename Visit>
void walk_elements(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> pending;
  if (root != nullptr) pending.push_back(root);
  while (!pending.empty()) {
    const GumboNode* node = pending.back();
    pending.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    if (!visit(node->v.element)) return;
    const GumboVector& children = node->v.element.children;
    for (unsigned int i = children.length; i > 0; --i) {
      pending.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

// The document's base URL: the first <base href>, resolved against the page, else the page.
std::string base_url(const GumboNode* root, std::string_view page_url, std::size_t max_length) {
  const char* href = nullptr;
  walk_elements(root, [&href](const GumboElement& element) {
    if (element.tag == GUMBO_TAG_BASE) href = attribute(element, "href");
    return href == nullptr;
  });
  if (href == nullptr) return std::string(page_url);
  return resolve_url(page_url, href, max_length).value_or(std::string(page_url));
}

}  // namespace

std::vector<std::string> extract_links(const GumboNode* root, std::string_view page_url,
                                       std::size_t max_links, std::size_t max_url_length) {
  std::vector<std::string> links;
  if (max_links == 0) return links;
  const std::string base = base_url(root, page_url, max_url_length);
  std::unordered_set<std::string> seen;
  walk_elements(root, [&](const GumboElement& element) {
    const char* target = link_target(element);
    if (target == nullptr) return true;
    std::optional<std::string> url = resolve_url(base, target, max_url_length);
    if (url && seen.insert(*url).second) links.push_back(std::move(*url));
    return links.size() < max_links;
  });
  return links;
}

std::vector<std::string> extract_links_from_html(std::string_view html, std::string_view page_url,
                                                 std::size_t max_links) {
  const GumboOutputPtr output = parse_html(html);
  if (!output) return {};
  return extract_links(output->root, page_url, max_links);
}

}  // namespace tagdrift::crawler
