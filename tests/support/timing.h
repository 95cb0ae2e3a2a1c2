// What tests that bound the time of a hostile input share: how much slower this build runs, a
// stopwatch, and a repeated string to build such inputs.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace tagdrift::testing {

// Sanitizer and debug builds run several times slower; time limits scale with them.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
inline constexpr double kSlowdown = 20;
#else
inline constexpr double kSlowdown = 1;
#endif

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline std::string repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace tagdrift::testing
