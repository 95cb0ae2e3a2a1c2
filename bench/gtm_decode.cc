// Benchmark: decoding GTM containers (detectors/gtm_container) against parsing HTML pages with
// Gumbo, side by side on one core. Prints ms per container, MB/s, and the cost of one decode in
// pages parsed. Not a test: it decides nothing.
//   gtm_decode CONTAINER_DIR [HTML_FILE] [ROUNDS]
// CONTAINER_DIR holds *.js containers (../shared/corpus/gtm/containers); HTML_FILE is the page to
// parse (default: a generated 50 KB page of headings, paragraphs, links and scripts).
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "detectors/gtm_container.h"

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string generated_page(std::size_t bytes) {
  std::string page =
      "<!doctype html><html><head><title>Clinic</title>"
      "<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD\">"
      "</script></head><body>";
  for (int i = 0; page.size() < bytes; ++i) {
    page += "<h2>Section " + std::to_string(i) +
            "</h2><p>Our clinic offers care for <a href=\"/s/" + std::to_string(i) + "\">service " +
            std::to_string(i) +
            "</a>, with appointments every weekday.</p><ul><li>One</li><li>Two</li></ul>";
  }
  return page + "</body></html>";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: gtm_decode CONTAINER_DIR [HTML_FILE] [ROUNDS]\n");
    return 2;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.path().extension() == ".js") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> containers;
  std::size_t container_bytes = 0;
  for (const auto& path : paths) {
    containers.push_back(read_file(path));
    container_bytes += containers.back().size();
  }
  const std::string page = argc >= 3 ? read_file(argv[2]) : generated_page(50 * 1024);
  const int rounds = argc >= 4 ? std::max(1, std::stoi(argv[3])) : 20;
  if (containers.empty()) {
    std::fprintf(stderr, "gtm_decode: no *.js containers in %s\n", argv[1]);
    return 2;
  }

  std::size_t tags = 0, failed = 0;
  auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& text : containers) {
      tagdrift::detectors::GtmContainer decoded = tagdrift::detectors::decode_gtm_container(text);
      tags += decoded.tags.size();
      failed += decoded.error.empty() ? 0 : 1;
    }
  }
  const double decode_s = seconds_since(start);
  const double decodes = static_cast<double>(rounds) * containers.size();

  start = std::chrono::steady_clock::now();
  const int parses = rounds * static_cast<int>(containers.size());
  for (int i = 0; i < parses; ++i) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
  const double parse_s = seconds_since(start);

  const double decode_ms = decode_s * 1000 / decodes;
  const double parse_ms = parse_s * 1000 / parses;
  std::printf("containers        %zu (%.0f KB average), %zu live tags a round, %zu failed\n",
              containers.size(), container_bytes / 1024.0 / containers.size(),
              tags / static_cast<std::size_t>(rounds), failed / static_cast<std::size_t>(rounds));
  std::printf("decode            %.3f ms per container, %.1f MB/s\n", decode_ms,
              container_bytes * rounds / decode_s / 1e6);
  std::printf("gumbo parse       %.3f ms per %.0f KB page, %.1f MB/s\n", parse_ms,
              page.size() / 1024.0, page.size() * parses / parse_s / 1e6);
  std::printf("one decode costs  %.2f page parses\n", decode_ms / parse_ms);
  return 0;
}
