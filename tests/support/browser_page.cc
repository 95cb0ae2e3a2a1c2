#include "tests/support/browser_page.h"

#include <stdexcept>

namespace tagdrift::testing {
namespace {

using nlohmann::json;

constexpr auto kWait = std::chrono::seconds(30);

}  // namespace

template <typename Done>
bool BrowserPage::read_until(Done done, browser::Clock::time_point deadline) {
  browser::DevTools& devtools = chromium_.devtools();
  while (!done()) {
    std::optional<browser::Event> event = devtools.next_event(session_, deadline);
    if (!event) return false;
    if (event->method == "Page.javascriptDialogOpening") {
      devtools.send("Page.handleJavaScriptDialog", {{"accept", false}}, session_);
    }
    events_.push_back(std::move(*event));
  }
  return true;
}

void BrowserPage::open(const std::string& url, bool scripts) {
  browser::DevTools& devtools = chromium_.devtools();
  const json target = devtools.call("Target.createTarget", {{"url", "about:blank"}});
  session_ = devtools.call("Target.attachToTarget",
                           {{"targetId", target["targetId"]}, {"flatten", true}})["sessionId"];
  devtools.listen(session_);
  for (const char* enable : {"Page.enable", "Runtime.enable", "Network.enable", "Log.enable"}) {
    devtools.call(enable, json::object(), session_);
  }
  if (!scripts) devtools.call("Emulation.setScriptExecutionDisabled", {{"value", true}}, session_);
  events_.clear();
  devtools.call("Page.navigate", {{"url", url}}, session_);
  auto loaded = [&] { return !events("Page.loadEventFired").empty(); };
  if (!read_until(loaded, browser::Clock::now() + kWait)) {
    throw std::runtime_error("no load event for " + url);
  }
}

json BrowserPage::evaluate(const std::string& expression) {
  const json result = chromium_.devtools().call(
      "Runtime.evaluate",
      {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}}, session_,
      kWait);
  if (result.contains("exceptionDetails")) {
    throw std::runtime_error("evaluate threw: " + result["exceptionDetails"].dump());
  }
  return result["result"].value("value", json());
}

void BrowserPage::settle(std::chrono::milliseconds duration) {
  read_until([] { return false; }, browser::Clock::now() + duration);
}

std::vector<json> BrowserPage::events(const std::string& method) const {
  std::vector<json> found;
  for (const browser::Event& event : events_) {
    if (event.method == method) found.push_back(event.params);
  }
  return found;
}

std::vector<std::string> BrowserPage::console_errors() const {
  std::vector<std::string> errors;
  for (const json& params : events("Runtime.consoleAPICalled")) {
    const std::string type = params.value("type", "");
    if (type == "error" || type == "warning" || type == "assert") {
      errors.push_back("console." + type + ": " + params["args"].dump());
    }
  }
  for (const json& params : events("Runtime.exceptionThrown")) {
    errors.push_back("exception: " + params["exceptionDetails"].dump());
  }
  for (const json& params : events("Log.entryAdded")) {
    const json& entry = params["entry"];
    const std::string level = entry.value("level", "");
    if (level == "error" || level == "warning") errors.push_back("log: " + entry.value("text", ""));
  }
  return errors;
}

std::vector<std::string> BrowserPage::requests() const {
  std::vector<std::string> urls;
  for (const json& params : events("Network.requestWillBeSent")) {
    urls.push_back(params["request"].value("url", ""));
  }
  return urls;
}

std::vector<std::string> BrowserPage::dialogs() const {
  std::vector<std::string> messages;
  for (const json& params : events("Page.javascriptDialogOpening")) {
    messages.push_back(params.value("type", "") + ": " + params.value("message", ""));
  }
  return messages;
}

}  // namespace tagdrift::testing
