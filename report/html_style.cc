#include "report/html_assets.h"

namespace tagdrift::report {

// Colours: every text and background pair has a contrast ratio of at least 4.5:1 (WCAG AA).
const std::string_view kHtmlStyle = R"css(
:root { color: #1a1a1a; background: #ffffff; font: 15px/1.45 system-ui, sans-serif; }
body { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1a1a1a; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
.verdict { font-size: 1.15rem; font-weight: 600; padding: 0.6rem 0.8rem; border: 2px solid #1a1a1a; }
table { border-collapse: collapse; margin: 0.6rem 0; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
th[scope=row] { font-weight: 600; }
td.num, th.num { text-align: right; }
code, pre { font: 0.9em/1.35 ui-monospace, monospace; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; margin: 0; }
ul.urls { margin: 0.2rem 0; padding-left: 1.2rem; }
.sev { display: inline-block; padding: 0 0.4rem; border: 1px solid #1a1a1a; font-weight: 700; }
.sev-critical { background: #8b0000; color: #ffffff; }
.sev-high { background: #a33a00; color: #ffffff; }
.sev-medium { background: #ffd966; color: #1a1a1a; }
.sev-low { background: #d9e8f5; color: #1a1a1a; }
.sev-info { background: #f2f2f2; color: #1a1a1a; }
.status-new, .status-changed, .status-reinstalled { font-weight: 700; text-decoration: underline; }
tr.detail td { background: #fafafa; }
details > summary { cursor: pointer; color: #0b4f9c; }
.muted { color: #4d4d4d; }
svg text { font: 11px system-ui, sans-serif; fill: #1a1a1a; }
svg .axis { stroke: #1a1a1a; }
.timeline .present { fill: #1a1a1a; }
.timeline .absent, .timeline .not-checked { fill: none; stroke: #1a1a1a; }
.timeline .not-checked { stroke: #4d4d4d; stroke-dasharray: 2 2; }
.timeline .returned { fill: #ffffff; stroke: #1a1a1a; stroke-width: 2.5; }
.legend { display: flex; flex-wrap: wrap; gap: 0.8rem; list-style: none; padding: 0; }
.legend svg { vertical-align: middle; }
#filters[hidden] { display: none; }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 0.5rem 0; }
#filters label { display: flex; flex-direction: column; font-weight: 600; }
#filters select, #filters input { font: inherit; padding: 0.2rem; border: 1px solid #1a1a1a; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0;
            color: #0b4f9c; text-decoration: underline; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \2191"; }
th[aria-sort=descending] button::after { content: " \2193"; }
:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  #filters, th button::after { display: none; }
  th button { color: #1a1a1a; text-decoration: none; }
  details > summary { color: #1a1a1a; }
  details::details-content { content-visibility: visible; display: contents; }
  h2 { break-after: avoid; }
  tr, svg, .verdict { break-inside: avoid; }
  .sev { border-width: 2px; }
}
)css";

}  // namespace tagdrift::report
