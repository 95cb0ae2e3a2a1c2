// Benchmark baseline: how fast bare Gumbo parses a site's pages on one core, with no crawling.
// Reads every *.html under a directory into memory first, then times only the parse loop.
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

std::vector<std::string> read_pages(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());  // a fixed order, so runs are comparable
  std::vector<std::string> pages;
  pages.reserve(paths.size());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gumbo_parse SITE_DIR\n");
    return 2;
  }
  std::vector<std::string> pages;
  try {
    pages = read_pages(argv[1]);
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "gumbo_parse: %s\n", e.what());
    return 1;
  }
  if (pages.empty()) {
    std::fprintf(stderr, "gumbo_parse: no .html files under %s\n", argv[1]);
    return 1;
  }
  size_t bytes = 0;
  for (const auto& page : pages) bytes += page.size();

  size_t top_level_nodes = 0;  // uses each result, so the loop does what it claims
  // Wall time is the figure; CPU time is reported too because on a busy machine it is steadier.
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  for (const auto& page : pages) {
    GumboOutputPtr output(
        gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size()));
    top_level_nodes += output->root->v.element.children.length;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;

  const double seconds = elapsed.count();
  std::printf(
      "pages %zu bytes %zu nodes %zu seconds %.3f cpu_seconds %.3f pages_per_s %.1f mb_per_s "
      "%.1f\n",
      pages.size(), bytes, top_level_nodes, seconds, cpu_seconds, pages.size() / seconds,
      bytes / 1e6 / seconds);
  return 0;
}
