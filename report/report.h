// Renders a drift report (a scan compared with its history) for people and for programs:
// text, JSON, Markdown for pull requests, JUnit XML and SARIF for CI. The caller picks the stream.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "drift/report_model.h"

namespace tagdrift::report {

enum class Format { kText, kJson, kMarkdown, kJunit, kSarif };

// "text", "json", "markdown", "junit", "sarif" -> Format; throws Error (exit 2) for anything else.
Format parse_format(const std::string& name);

struct RenderOptions {
  bool color = false;               // ANSI colours in text (only on a terminal, never NO_COLOR)
  std::size_t max_pages_shown = 5;  // pages listed per finding in text (Markdown lists all)
};

void render(const drift::Report& report, Format format, const RenderOptions& options,
            std::ostream& out);

}  // namespace tagdrift::report
