// The HTML report's only style sheet and script, inline in every report. The Content-Security-
// Policy names each by its SHA-256, so nothing else can run or restyle the page.
#pragma once

#include <string_view>

namespace tagdrift::report {

// Screen and print styles: AA contrast, severity shown by label and pattern, never colour alone.
extern const std::string_view kHtmlStyle;

// Sorting the findings table by a column and filtering it by severity, status or text. It only
// reorders and hides rows that are already there: the report reads whole without it.
extern const std::string_view kHtmlScript;

}  // namespace tagdrift::report
