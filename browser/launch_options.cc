#include "browser/launch_options.h"

namespace tagdrift::browser {
namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

std::vector<std::string> chromium_arguments(const LaunchOptions& options,
                                            const std::filesystem::path& profile) {
  std::vector<std::string> args = {
      options.program.string(),
      "--headless",
      "--remote-debugging-pipe",
      "--user-data-dir=" + profile.string(),
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-extensions",
      "--disable-sync",
      "--disable-breakpad",
      "--disable-component-update",
      "--disable-background-networking",
      "--disable-default-apps",
      "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
      // Parallel tabs are all in the background; none may be slowed down for it.
      "--disable-background-timer-throttling",
      "--disable-backgrounding-occluded-windows",
      "--disable-renderer-backgrounding",
      "--metrics-recording-only",
      "--mute-audio",
      "--password-store=basic",
      "--use-mock-keychain",
  };
  if (options.no_sandbox) args.push_back("--no-sandbox");
  if (!options.host_resolver_rules.empty())
    args.push_back("--host-resolver-rules=" + joined(options.host_resolver_rules, ","));
  if (!options.trusted_spki.empty())
    args.push_back("--ignore-certificate-errors-spki-list=" + joined(options.trusted_spki, ","));
  if (options.insecure) args.push_back("--ignore-certificate-errors");
  if (!options.proxy.empty()) {
    args.push_back("--proxy-server=" + options.proxy);
    args.push_back("--proxy-bypass-list=<-loopback>");
  }
  args.push_back("about:blank");
  return args;
}

}  // namespace tagdrift::browser
