// The chart of findings per scan: an inline SVG of bars stacked by severity, each severity a
// pattern as well as a colour and named in a legend, each bar labelled with its total, so it
// reads in black and white and on paper.
#pragma once

#include <string>
#include <vector>

#include "drift/site_history.h"

namespace tagdrift::report {

// The <svg> (with a <title> and <desc> for screen readers) and its legend. Every scan gets a bar;
// with many scans the bars narrow and only some are labelled.
std::string findings_chart(const std::vector<drift::ScanPoint>& scans);

// The severity patterns as SVG <pattern> elements, for the chart and the legend swatches.
std::string severity_patterns();

}  // namespace tagdrift::report
