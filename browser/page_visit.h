// One page visited in a fresh browser context (so cookies never leak between visits): navigate,
// wait for the load event (navigation_timeout), then for the network to go quiet (quiet_window,
// at most runtime_wait), and return what was observed. Images, media and fonts are recorded and
// then failed unsent; dialogs are dismissed, popups recorded and closed, downloads denied.
// Visits may run in parallel on one DevTools client, each on its own thread.
#pragma once

#include <string>

#include "browser/devtools.h"
#include "browser/visit_options.h"
#include "browser/visit_result.h"

namespace tagdrift::browser {

// Never throws for what happens to the page or the browser: that is VisitResult::error.
VisitResult visit_page(DevTools& devtools, const std::string& url, const VisitOptions& options);

}  // namespace tagdrift::browser
