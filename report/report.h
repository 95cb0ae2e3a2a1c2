// Renders a drift report (a scan compared with its history) for people and for programs:
// text, JSON, Markdown for pull requests, JUnit XML and SARIF for CI, HTML for people who act on
// it. The caller picks the stream.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "drift/report_model.h"
#include "drift/site_history.h"

namespace tagdrift::report {

enum class Format { kText, kJson, kMarkdown, kJunit, kSarif, kHtml };

// "text", "json", "markdown", "junit", "sarif", "html" -> Format; throws Error (exit 2) for
// anything else.
Format parse_format(const std::string& name);

struct RenderOptions {
  bool color = false;               // ANSI colours in text (only on a terminal, never NO_COLOR)
  std::size_t max_pages_shown = 5;  // pages listed per finding in text (Markdown lists all)
  const drift::SiteHistory* history = nullptr;  // HTML's History section; null: no history
};

void render(const drift::Report& report, Format format, const RenderOptions& options,
            std::ostream& out);

}  // namespace tagdrift::report
