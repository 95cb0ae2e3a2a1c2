// The crawl flags shared by every command that crawls, bound to a CrawlOptions.
#pragma once

#include <CLI/CLI.hpp>

#include "crawler/crawl_options.h"

namespace tagdrift::cli {

// Registers the flags on `command`; values land in `options` when the command line is parsed.
// Size and time flags are kept in the holder and copied by finish_crawl_flags().
struct CrawlFlagValues {
  double connect_timeout = 10;
  double timeout = 30;
  double low_speed_time = 10;
  std::string scope = "host";
  std::string max_body = "10M";
  std::string max_script = "32M";  // crawler::CrawlOptions::max_script_bytes
};

void add_crawl_flags(CLI::App& command, crawler::CrawlOptions& options, CrawlFlagValues& values);

// Converts the held values into `options`; throws Error (exit 2) on a bad value.
void finish_crawl_flags(const CrawlFlagValues& values, crawler::CrawlOptions& options);

}  // namespace tagdrift::cli
