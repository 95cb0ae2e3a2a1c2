// The one way a page's HTML is analysed: the parse (skimmed, full, or of template source masked
// first) is decided here, and the places and health context come from it.
#pragma once

#include <gumbo.h>

#include <functional>
#include <string_view>
#include <vector>

#include "detectors/health_lexicon.h"
#include "detectors/page_context.h"
#include "detectors/place.h"

namespace tagdrift::detectors {

struct HtmlPage {
  std::string_view html;
  std::string_view url;  // places resolve against it; the health lens reads its path
  // The page is a file that may be server template source (crawler::Page::template_source): its
  // template code is masked before parsing when it has any. A served page never is: a browser
  // reads "{# ... #}" or "<?php" in it as text, and so do the detectors.
  bool template_source = false;
};

struct HtmlAnalysis {
  std::vector<Place> places;
  PageContext context;
};

// Called once with the root of a tree parsed from the page as served (every link and attribute
// as in a full parse), before the places are taken: how the caller reads links from the same
// parse. Valid only during the call.
using TreeReader = std::function<void(const GumboNode& root)>;

// Parses `page` once, a skimmed parse (skimmed_parse.h) unless it is template source with
// template code in it: that is masked and parsed for its places, and parsed again in full for
// `read_tree` and the health lens. Thread-safe.
HtmlAnalysis analyse_html(const HtmlPage& page, const HealthLexicon& lexicon,
                          const TreeReader& read_tree = nullptr);

}  // namespace tagdrift::detectors
