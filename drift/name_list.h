// Small ordered sets of names (places, events, enhanced-match fields, page URLs) as drift keeps
// them: first-seen order, no duplicates, so reports read the same on every run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::drift {

bool contains(const std::vector<std::string>& names, std::string_view name);

// Appends each of `more` not yet in `names`, in order.
void append_unique(std::vector<std::string>& names, const std::vector<std::string>& more);
void append_unique(std::vector<std::string>& names, const std::string& name);

// The names of `names` not in `others`, in order.
std::vector<std::string> missing_from(const std::vector<std::string>& names,
                                      const std::vector<std::string>& others);

// "1 page", "3 pages": a count with its noun, plural by adding "s".
std::string count_of(std::size_t count, std::string_view noun);

std::string joined(const std::vector<std::string>& names, std::string_view separator = ", ");

}  // namespace tagdrift::drift
