#include "drift/url_set.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace tagdrift::drift {

UrlSet::UrlSet(std::initializer_list<std::string_view> urls) {
  for (std::string_view url : urls) add(url);
  sort();
}

void UrlSet::add(std::string_view url) {
  if (text_.size() + url.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("more than 4 GiB of URLs in one scan");
  }
  spans_.push_back(
      {static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(url.size())});
  text_.append(url);
  sorted_ = false;
}

void UrlSet::sort() {
  auto less = [this](Span a, Span b) { return view(a) < view(b); };
  auto same = [this](Span a, Span b) { return view(a) == view(b); };
  std::sort(spans_.begin(), spans_.end(), less);
  spans_.erase(std::unique(spans_.begin(), spans_.end(), same), spans_.end());
  spans_.shrink_to_fit();
  text_.shrink_to_fit();
  sorted_ = true;
}

bool UrlSet::contains(std::string_view url) const {
  if (!sorted_) throw std::logic_error("UrlSet::contains before sort()");
  auto found = std::lower_bound(spans_.begin(), spans_.end(), url,
                                [this](Span span, std::string_view u) { return view(span) < u; });
  return found != spans_.end() && view(*found) == url;
}

bool operator==(const UrlSet& a, const UrlSet& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.at(i) != b.at(i)) return false;
  }
  return true;
}

}  // namespace tagdrift::drift
