// Renders a scan for people (text) and for programs (JSON). The caller picks the stream.
#pragma once

#include <ostream>
#include <string>

#include "scan/scan.h"

namespace tagdrift::report {

enum class Format { kText, kJson };

// "text" / "json" -> Format; throws Error (exit 2) for anything else.
Format parse_format(const std::string& name);

struct RenderOptions {
  bool color = false;  // ANSI colours (only on a terminal, never with NO_COLOR)
};

void render(const scan::ScanResult& result, Format format, const RenderOptions& options,
            std::ostream& out);

}  // namespace tagdrift::report
