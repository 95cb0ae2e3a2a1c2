#include "report/report.h"

#include "report/json_report.h"
#include "report/text_report.h"
#include "util/error.h"

namespace tagdrift::report {

Format parse_format(const std::string& name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  throw usage_error("unknown --format '" + name + "' (expected text or json)");
}

void render(const scan::ScanResult& result, Format format, const RenderOptions& options,
            std::ostream& out) {
  switch (format) {
    case Format::kText:
      return render_text(result, options, out);
    case Format::kJson:
      return render_json(result, out);
  }
}

}  // namespace tagdrift::report
