// A set of URLs held end to end in one buffer: what drift keeps of the pages a previous scan
// fetched. A std::set<std::string> costs about twice the URLs' own bytes again in nodes and
// string headers; on a 200,000-page site that is the difference between 13 MB and 26 MB.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::drift {

class UrlSet {
 public:
  UrlSet() = default;
  UrlSet(std::initializer_list<std::string_view> urls);

  // Adds `url`; lookups need sort() before them.
  void add(std::string_view url);
  // Sorts the URLs and drops repeated ones.
  void sort();

  bool contains(std::string_view url) const;
  std::size_t size() const { return spans_.size(); }
  bool empty() const { return spans_.empty(); }
  // The i-th URL, in sorted order once sort() ran.
  std::string_view at(std::size_t i) const { return view(spans_[i]); }

  friend bool operator==(const UrlSet& a, const UrlSet& b);

 private:
  struct Span {
    std::uint32_t offset = 0, size = 0;
  };
  std::string_view view(Span span) const {
    return std::string_view(text_).substr(span.offset, span.size);
  }

  std::string text_;
  std::vector<Span> spans_;
  bool sorted_ = true;
};

}  // namespace tagdrift::drift
