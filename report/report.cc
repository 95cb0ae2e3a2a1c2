#include "report/report.h"

#include "report/html_report.h"
#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/markdown_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"
#include "util/error.h"

namespace tagdrift::report {

Format parse_format(const std::string& name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "markdown") return Format::kMarkdown;
  if (name == "junit") return Format::kJunit;
  if (name == "sarif") return Format::kSarif;
  if (name == "html") return Format::kHtml;
  throw usage_error("unknown --format '" + name +
                    "' (expected text, json, markdown, junit, sarif or html)");
}

void render(const drift::Report& report, Format format, const RenderOptions& options,
            std::ostream& out) {
  switch (format) {
    case Format::kText:
      return render_text(report, options, out);
    case Format::kJson:
      return render_json(report, out);
    case Format::kMarkdown:
      return render_markdown(report, options, out);
    case Format::kJunit:
      return render_junit(report, out);
    case Format::kSarif:
      return render_sarif(report, out);
    case Format::kHtml:
      return render_html(report, options.history, out);
  }
}

}  // namespace tagdrift::report
