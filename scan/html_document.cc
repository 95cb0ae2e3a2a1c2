#include "scan/html_document.h"

#include <new>

namespace tagdrift::scan {

void HtmlDocument::Deleter::operator()(GumboOutput* output) const {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

HtmlDocument::HtmlDocument(std::string_view html)
    : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {
  if (!output_) throw std::bad_alloc();
}

}  // namespace tagdrift::scan
