#include "browser/page_visit.h"

#include <algorithm>
#include <map>
#include <set>

#include "browser/cookie_list.h"
#include "browser/devtools_error.h"
#include "browser/request_log.h"

namespace tagdrift::browser {
namespace {

using Json = nlohmann::json;
using std::chrono::milliseconds;

constexpr milliseconds kCleanupTimeout{5'000};

bool blocked_type(const std::string& type) {
  return type == "Image" || type == "Media" || type == "Font";
}

std::string text(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

class PageVisit {
 public:
  PageVisit(DevTools& devtools, const std::string& url, const VisitOptions& options)
      : devtools_(devtools), options_(options), log_(options.budget) {
    result_.url = url;
  }

  VisitResult run() {
    const auto start = Clock::now();
    try {
      open();
      watch(start);
      collect_cookies();
    } catch (const DevToolsError& error) {
      if (result_.error.empty()) result_.error = describe(error);
    } catch (const Json::exception& error) {
      if (result_.error.empty())
        result_.error = std::string("the browser's answer: ") + error.what();
    }
    close();
    result_.requests = log_.take();
    result_.requests_dropped = log_.dropped();
    result_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return std::move(result_);
  }

 private:
  std::string describe(const DevToolsError& error) {
    if (error.kind() == DevToolsError::Kind::kClosed) return "the browser exited during the visit";
    if (error.kind() == DevToolsError::Kind::kTimeout)
      return std::string("the browser did not answer: ") + error.what();
    return std::string("the browser refused: ") + error.what();
  }

  void open() {
    const auto timeout = options_.navigation_timeout;
    context_ = devtools_.call("Target.createBrowserContext", Json::object(), {}, timeout)
                   .value("browserContextId", "");
    target_ = devtools_
                  .call("Target.createTarget",
                        {{"url", "about:blank"}, {"browserContextId", context_}}, {}, timeout)
                  .value("targetId", "");
    session_ =
        devtools_
            .call("Target.attachToTarget", {{"targetId", target_}, {"flatten", true}}, {}, timeout)
            .value("sessionId", "");
    devtools_.listen(session_);
    devtools_.call("Browser.setDownloadBehavior",
                   {{"behavior", "deny"}, {"browserContextId", context_}}, {}, timeout);
    for (const char* domain : {"Inspector.enable", "Page.enable", "Runtime.enable"})
      devtools_.call(domain, Json::object(), session_, timeout);
    prepare(session_, timeout);
    if (!options_.cookies.empty()) {
      Json cookies = Json::array();
      for (const auto& [name, value] : options_.cookies)
        cookies.push_back({{"name", name}, {"value", value}, {"url", result_.url}});
      devtools_.call("Network.setCookies", {{"cookies", cookies}}, session_, timeout);
    }
    devtools_.send("Page.navigate", {{"url", result_.url}}, session_);
  }

  // What every session of the page needs: the network observed, the request options, and its
  // own frames and workers attached (paused until they are prepared too).
  void prepare(const std::string& session, milliseconds timeout) {
    devtools_.call("Network.enable", {{"maxPostDataSize", options_.budget.max_post_data}}, session,
                   timeout);
    if (!options_.headers.empty())
      devtools_.call("Network.setExtraHTTPHeaders", {{"headers", options_.headers}}, session,
                     timeout);
    devtools_.call("Fetch.enable", fetch_patterns(), session, timeout);
    devtools_.call("Target.setAutoAttach",
                   {{"autoAttach", true}, {"waitForDebuggerOnStart", true}, {"flatten", true}},
                   session, timeout);
  }

  Json fetch_patterns() const {
    Json patterns = Json::array();
    if (options_.basic_auth) {
      patterns.push_back({{"urlPattern", "*"}, {"requestStage", "Request"}});
      return {{"patterns", patterns}, {"handleAuthRequests", true}};
    }
    for (const char* type : {"Image", "Media", "Font"})
      patterns.push_back(
          {{"urlPattern", "*"}, {"resourceType", type}, {"requestStage", "Request"}});
    return {{"patterns", patterns}};
  }

  void watch(Clock::time_point start) {
    const auto navigation_deadline = start + options_.navigation_timeout;
    last_activity_ = Clock::now();
    while (!done_) {
      const auto now = Clock::now();
      const auto deadline = next_deadline(navigation_deadline);
      if (now >= deadline) {
        time_up(now);
        continue;
      }
      if (auto event = devtools_.next_event(session_, deadline)) handle(*event);
    }
  }

  Clock::time_point next_deadline(Clock::time_point navigation_deadline) const {
    if (!result_.loaded) return navigation_deadline;
    const auto cap = load_time_ + options_.runtime_wait;
    if (log_.in_flight() > 0) return cap;
    return std::min(cap, last_activity_ + options_.quiet_window);
  }

  void time_up(Clock::time_point now) {
    done_ = true;
    if (!result_.loaded) {
      if (result_.error.empty())
        result_.error = "navigation did not finish within " +
                        std::to_string(options_.navigation_timeout.count()) + " ms";
      return;
    }
    result_.quiet = log_.in_flight() == 0 && now - last_activity_ >= options_.quiet_window;
  }

  void handle(const Event& event) {
    const auto& method = event.method;
    const auto& params = event.params;
    if (method == "Network.requestWillBeSent") {
      log_.will_be_sent(params);
      if (text(params, "type") == "Document" && text(params, "frameId") == target_)
        main_document_ = text(params, "requestId");
      last_activity_ = Clock::now();
    } else if (method == "Network.loadingFinished" || method == "Network.loadingFailed") {
      log_.finished(params);
      last_activity_ = Clock::now();
      if (method == "Network.loadingFailed") document_failed(params);
    } else if (method == "Fetch.requestPaused") {
      paused(params, event.session);
    } else if (method == "Fetch.authRequired") {
      auth_required(params, event.session);
    } else if (method == "Page.loadEventFired" && event.session == session_) {
      if (!result_.loaded) load_time_ = Clock::now();
      result_.loaded = true;
    } else if (method == "Page.frameNavigated" && event.session == session_) {
      const auto& frame = params.value("frame", Json::object());
      if (!frame.contains("parentId")) result_.final_url = text(frame, "url");
    } else if (method == "Target.attachedToTarget") {
      attached(params);
    } else if (method == "Inspector.targetCrashed" && event.session == session_) {
      result_.error = "the page's renderer crashed";
      done_ = true;
    } else {
      note(method, params);
    }
  }

  // What the page says or asks for: dialogs, popups, downloads, console errors.
  void note(const std::string& method, const Json& params) {
    if (method == "Page.javascriptDialogOpening") {
      const auto type = text(params, "type");
      keep(result_.dialogs, Dialog{type, clipped(text(params, "message"))});
      devtools_.send("Page.handleJavaScriptDialog", {{"accept", type == "beforeunload"}}, session_);
    } else if (method == "Page.windowOpen") {
      keep(result_.popups, text(params, "url"));
      close_popups();
    } else if (method == "Page.downloadWillBegin") {
      keep(result_.downloads, text(params, "url"));
    } else if (method == "Runtime.consoleAPICalled" && text(params, "type") == "error") {
      std::string message;
      for (const auto& arg : params.value("args", Json::array())) {
        if (!message.empty()) message += ' ';
        message += arg.contains("value") && arg["value"].is_string()
                       ? arg["value"].get<std::string>()
                   : arg.contains("value") ? arg["value"].dump()
                                           : text(arg, "description");
      }
      keep(result_.console_errors, clipped(message));
    } else if (method == "Runtime.exceptionThrown") {
      const auto& details = params.value("exceptionDetails", Json::object());
      auto message = text(details.value("exception", Json::object()), "description");
      keep(result_.console_errors, clipped(message.empty() ? text(details, "text") : message));
    }
  }

  template <typename T>
  void keep(std::vector<T>& list, T value) {
    if (list.size() < options_.budget.max_messages) list.push_back(std::move(value));
  }

  std::string clipped(std::string message) const {
    if (message.size() > options_.budget.max_message_bytes)
      message.resize(options_.budget.max_message_bytes);
    return message;
  }

  void document_failed(const Json& params) {
    if (text(params, "requestId") != main_document_ || params.value("canceled", false)) return;
    if (result_.loaded || !result_.error.empty()) return;
    result_.error = "navigation failed: " + text(params, "errorText");
    done_ = true;
  }

  void paused(const Json& params, const std::string& session) {
    const auto id = text(params, "requestId");
    if (blocked_type(text(params, "resourceType"))) {
      log_.blocked(text(params, "networkId"));
      devtools_.send("Fetch.failRequest", {{"requestId", id}, {"errorReason", "BlockedByClient"}},
                     session);
    } else {
      devtools_.send("Fetch.continueRequest", {{"requestId", id}}, session);
    }
  }

  void auth_required(const Json& params, const std::string& session) {
    // Credentials that were refused once are not offered again: the page then gets its 401.
    const auto url = text(params.value("request", Json::object()), "url");
    const bool offer = options_.basic_auth && ++auth_tries_[url] == 1;
    Json response = {{"response", offer ? "ProvideCredentials" : "CancelAuth"}};
    if (offer) {
      response["username"] = options_.basic_auth->user;
      response["password"] = options_.basic_auth->password;
    }
    devtools_.send("Fetch.continueWithAuth",
                   {{"requestId", text(params, "requestId")}, {"authChallengeResponse", response}},
                   session);
  }

  // A frame or worker of the page: observed like the page, then let go.
  void attached(const Json& params) {
    const auto child = text(params, "sessionId");
    if (child.empty() || children_.size() >= options_.budget.max_messages) return;
    children_.insert(child);
    devtools_.listen(child, session_);
    devtools_.send("Network.enable", {{"maxPostDataSize", options_.budget.max_post_data}}, child);
    if (!options_.headers.empty())
      devtools_.send("Network.setExtraHTTPHeaders", {{"headers", options_.headers}}, child);
    devtools_.send("Fetch.enable", fetch_patterns(), child);
    devtools_.send("Runtime.runIfWaitingForDebugger", Json::object(), child);
  }

  void close_popups() {
    const auto targets = devtools_.call("Target.getTargets", Json::object(), {}, kCleanupTimeout);
    for (const auto& info : targets.value("targetInfos", Json::array()))
      if (text(info, "browserContextId") == context_ && text(info, "type") == "page" &&
          text(info, "targetId") != target_)
        devtools_.send("Target.closeTarget", {{"targetId", text(info, "targetId")}});
  }

  void collect_cookies() {
    const auto cookies =
        devtools_.call("Storage.getCookies", {{"browserContextId", context_}}, {}, kCleanupTimeout);
    result_.cookies = cookie_list(cookies.value("cookies", Json::array()),
                                  result_.final_url.empty() ? result_.url : result_.final_url);
  }

  void close() {
    for (const auto& child : children_) devtools_.forget(child);
    if (!session_.empty()) devtools_.forget(session_);
    if (context_.empty() || devtools_.closed()) return;
    try {
      devtools_.call("Target.disposeBrowserContext", {{"browserContextId", context_}}, {},
                     kCleanupTimeout);
    } catch (const DevToolsError& error) {
      if (result_.error.empty()) result_.error = describe(error);
    }
  }

  DevTools& devtools_;
  const VisitOptions& options_;
  RequestLog log_;
  VisitResult result_;
  std::string context_, target_, session_, main_document_;
  std::set<std::string> children_;
  std::map<std::string, int> auth_tries_;
  Clock::time_point load_time_{}, last_activity_{};
  bool done_ = false;
};

}  // namespace

VisitResult visit_page(DevTools& devtools, const std::string& url, const VisitOptions& options) {
  return PageVisit(devtools, url, options).run();
}

}  // namespace tagdrift::browser
