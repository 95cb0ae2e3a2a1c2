// What one page visit in the browser observed, as plain values: every request the page caused,
// every cookie set, console errors, dialogs, popups and downloads, and how the visit ended.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tagdrift::browser {

// What caused a request: the parser, a script, a preload…, and which script.
struct Initiator {
  std::string type;                // DevTools' initiator type: parser, script, preload, other…
  std::string url;                 // the script (or document) that caused the request
  std::vector<std::string> stack;  // distinct script URLs on the stack, innermost first
};

struct ObservedRequest {
  std::string url;
  std::string method;
  std::string resource_type;  // Document, Script, XHR, Fetch, Ping, Image, Stylesheet…
  std::string post_data;      // the body sent, up to the budget
  bool post_data_truncated = false;
  bool blocked = false;  // an image, media or font request: recorded, then failed unsent
  Initiator initiator;
};

struct ObservedCookie {
  std::string name;
  std::string domain;  // as the cookie has it (".example.com" for a domain cookie)
  std::string path;
  bool session = true;       // no expiry: gone when the browser closes
  double expires = 0;        // seconds since the epoch, when not a session cookie
  bool third_party = false;  // its domain is not the page's registrable domain
  bool secure = false;
  bool http_only = false;
};

struct Dialog {
  std::string type;  // alert, confirm, prompt, beforeunload
  std::string message;
};

struct VisitResult {
  std::string url;        // as asked
  std::string final_url;  // the main frame's last document
  // Why the visit did not end normally ("" when it did): navigation failed or timed out, the
  // renderer crashed, the browser exited. What was seen until then is kept.
  std::string error;
  bool loaded = false;  // the load event fired
  bool quiet = false;   // the network went quiet within the wait after load
  std::vector<ObservedRequest> requests;
  std::size_t requests_dropped = 0;  // over the budget: counted, not kept
  std::vector<ObservedCookie> cookies;
  std::vector<std::string> console_errors;
  std::vector<Dialog> dialogs;
  std::vector<std::string> popups;     // URLs the page opened in new windows (then closed)
  std::vector<std::string> downloads;  // URLs the page tried to download (denied)
  double seconds = 0;
};

}  // namespace tagdrift::browser
