// One walk over a parsed page, without recursion, collecting what the health lens reads: the URL
// path, title, h1-h3, meta description, and form fields with their labels. Body text is skipped.
#pragma once

#include <gumbo.h>

#include <string_view>
#include <vector>

#include "detectors/health_context.h"
#include "detectors/pii_forms.h"

namespace tagdrift::detectors {

struct PageReading {
  PageTexts texts;  // form_asks_about_health is left for the caller, who knows the fields' kinds
  std::vector<FormField> fields;  // every input, select and textarea, search boxes included
};

// Reads `root` (a document or element node; nullptr reads as an empty page) fetched from
// `page_url` (absolute or a bare path). Each place holds at most 16 KB, a page 1000 fields.
PageReading read_page(const GumboNode* root, std::string_view page_url);

}  // namespace tagdrift::detectors
