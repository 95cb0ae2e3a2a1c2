// The real `tagdrift` program on a target whose host does not resolve: exit 3 and one clear line,
// promptly. The crawl itself is tested in tests/crawler/dns_failure_test.cc.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

TEST_CASE("dns failure: an unresolvable target exits 3 with one line, promptly") {
  tagdrift::testing::TempDir dir;
  const std::string url = "http://no-such-clinic.tagdrift-test.invalid/";
  auto run = tagdrift::testing::run_child({TAGDRIFT_BINARY, "scan", url, "--no-db", "--quiet"},
                                          dir.path(), {}, std::chrono::seconds(60));
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 3);
  CHECK_FALSE(run.timed_out);
  CHECK(run.seconds < 30);
  // "Could not resolve host: ..." from a resolver that answers, "Resolving timed out ..." from
  // one that does not: either way one line naming the target.
  CHECK(run.err.rfind("tagdrift: target could not be scanned: " + url + ": ", 0) == 0);
  CHECK(run.err.find("esolv") != std::string::npos);
  CHECK(run.err.find('\n') == run.err.size() - 1);
}
