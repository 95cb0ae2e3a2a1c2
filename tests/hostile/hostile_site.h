// The hostile loopback site the hostile-server cases share: a healthy seed page linking to
// hostile ones, a log of every request, bodies streamed without being held, and the checks every
// case makes on a `tagdrift scan` run (docs/robustness.md).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/hostile/tagdrift_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::testing {

inline constexpr std::size_t kMiB = 1u << 20;
inline constexpr std::size_t kGiB = 1u << 30;

// README, "Exit codes": the scan did what was asked and nothing met --fail-on (there is none).
// Every case links the hostile page from a healthy seed, so the target itself is scanned.
inline constexpr int kExitOk = 0;

// Wall time for a case that should end as soon as a budget is spent: a healthy scan of a few
// pages takes well under a second; the margin absorbs a machine shared by other builds and
// ctest running cases side by side.
inline constexpr double kQuickSeconds = 20;

// Peak RSS of the whole tagdrift process. A scan of a small site peaks near 23 MiB (signature
// sets, libcurl, worker threads); a page held within the 10 MiB body budget adds a few times that
// budget at most (the body, Gumbo's tree, the detectors' places). A process that read the 1 GB
// body, inflated the bomb or kept every header would be far above.
inline constexpr long kMaxRssKb = 160 * 1024;

// Sanitizer and debug builds (scripts/sanitize runs this suite too) run the program several
// times slower, and ASan's shadow memory and quarantine make its peak RSS say nothing about
// tagdrift's own: there the time bounds scale and the memory bounds are not checked. The
// optimized build, which CI runs first, checks both as stated.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
inline constexpr double kSlowdown = 5;
inline constexpr bool kCheckRss = false;
#else
inline constexpr double kSlowdown = 1;
inline constexpr bool kCheckRss = true;
#endif

// Records every request path, so that a case can prove what was (not) fetched.
class RequestLog {
 public:
  void add(const std::string& path);
  int count(const std::string& path);
  // Requests whose path starts with `prefix`.
  int count_prefix(const std::string& prefix);

 private:
  std::mutex mutex_;
  std::map<std::string, int> counts_;
};

// A hostile loopback site: the seed page links to `links`; handlers are added before start().
struct HostileSite {
  HostileSite();
  ~HostileSite();
  void seed_links(const std::vector<std::string>& links);
  std::string origin() const { return server.url(""); }

  std::atomic<bool> quit{false};
  std::atomic<std::size_t> bytes_sent{0};
  RequestLog log;
  LoopbackServer server;
};

// A body of `total` bytes made of `head`, then `filler` repeated, then `tail`, produced as the
// client reads it: nothing of that size is ever held in memory.
httplib::ContentProvider streamed(HostileSite& site, std::string head, std::string filler,
                                  std::string tail, std::size_t total);

// Sends `body` as it is: with a fixed length cpp-httplib does not compress a response itself
// (brotli over a 24 MB page would take the server longer than the client's timeout).
void set_uncompressed(httplib::Response& res, std::shared_ptr<const std::string> body,
                      const char* type);

// The string in `value`, or empty for null.
std::string str(const nlohmann::json& value);

// What every case checks: the scan ended by itself with the documented code, within its bounds,
// wrote a complete scan, and every page it reports is an http URL of the loopback site.
void check_scan(const char* name, const ScanRun& run, const HostileSite& site, double max_seconds,
                long max_rss_kb);

// The page's error, as the report and as the history database hold it.
std::string page_error(const ScanRun& run, const TempDir& dir, const std::string& url);

}  // namespace tagdrift::testing
