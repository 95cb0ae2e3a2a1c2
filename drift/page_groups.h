// A finding's pages as people count them: the query variants of one path (an appointment form
// linked as ?service=…, a calendar's ?date=…) are one page, with the variants listed under it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drift/report_model.h"

namespace tagdrift::drift {

struct PageGroup {
  std::string url;                           // the pages' URL without its query
  std::vector<const FindingPage*> variants;  // the pages at that URL, with or without a query
};

// "https://clinic.test/a/?x=1" -> "https://clinic.test/a/".
std::string without_query(std::string_view url);

// The groups of `pages` in the order of their first page; the pointers point into `pages`.
std::vector<PageGroup> page_groups(const std::vector<FindingPage>& pages);

// How many pages `pages` are, query variants of one path counted once.
std::size_t distinct_pages(const std::vector<FindingPage>& pages);

}  // namespace tagdrift::drift
