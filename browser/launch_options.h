// How the browser is started: the program, its sandbox, and the scan's network options mapped to
// Chromium's switches.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tagdrift::browser {

struct LaunchOptions {
  std::filesystem::path program;  // browser::find_chromium()
  // Chromium's sandbox cannot work as root in a container; only then is it turned off, on request.
  bool no_sandbox = false;
  // --host-resolver-rules, one rule each ("MAP host:port addr:port"): --resolve and --connect-to.
  std::vector<std::string> host_resolver_rules;
  // Base64 SHA-256 hashes of certificates' public keys (spki_hashes()): chains that hold one of
  // them are accepted, as a --cacert bundle's certificates are by libcurl.
  std::vector<std::string> trusted_spki;
  bool insecure = false;  // every certificate error ignored: --insecure only
  std::string proxy;      // --proxy-server; loopback is proxied too
  std::chrono::milliseconds start_timeout{15'000};  // until the browser answers its first command
  std::chrono::milliseconds close_grace{3'000};     // from Browser.close to SIGKILL
};

// The command line for `options`, with `profile` as the user data directory.
std::vector<std::string> chromium_arguments(const LaunchOptions& options,
                                            const std::filesystem::path& profile);

}  // namespace tagdrift::browser
