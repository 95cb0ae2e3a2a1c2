// Benchmark: what detection alone costs, with no network and no script fetching. On the same
// pages, in one run: bare Gumbo parsing, tagdrift's per-page detection (parse, places, signature
// matching, health context, as scan/page_analysis.cc does) and the matching cost as the number
// of signatures grows, RE2::Set against one RE2 per pattern. Prints figures; never fails a build.
#include <gumbo.h>
#include <re2/re2.h>
#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/links.h"
#include "detectors/detector.h"
#include "detectors/health_lexicon.h"
#include "detectors/html_analysis.h"
#include "detectors/html_tree.h"
#include "detectors/signature_set.h"
#include "detectors/skimmed_parse.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace tagdrift;

namespace {

struct PageFile {
  std::string url;
  std::string body;
};

struct Corpus {
  std::string name;
  std::vector<PageFile> pages;
  std::size_t bytes = 0;
  // Read as a directory target reads its files (template code masked), not as fetched pages.
  bool template_source = false;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every *.html under `root`, in a fixed order, as pages of `origin`.
Corpus load_dir(const std::string& name, const fs::path& root, const std::string& origin,
                bool template_source) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  Corpus corpus{name, {}, 0, template_source};
  for (const auto& path : paths) {
    PageFile page{origin + fs::relative(path, root).generic_string(), read_file(path)};
    corpus.bytes += page.body.size();
    corpus.pages.push_back(std::move(page));
  }
  return corpus;
}

using Clock = std::chrono::steady_clock;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Medians over runs. Everything runs on this one thread, so its CPU time is the work done; on a
// machine where other jobs compete for the cores, it is steadier than the wall time.
struct Timing {
  double cpu = 0;
  double wall = 0;
};

Timing median_seconds(int runs, const std::function<void()>& work) {
  std::vector<double> cpu, wall;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    work();
    cpu.push_back(thread_cpu_seconds() - cpu_start);
    wall.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

struct GumboDefaultDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

// The baseline bench/run measures (bench/gumbo_parse.cc): Gumbo with its default options.
std::size_t bare_gumbo(const Corpus& corpus) {
  std::size_t nodes = 0;
  for (const auto& page : corpus.pages) {
    std::unique_ptr<GumboOutput, GumboDefaultDeleter> tree(
        gumbo_parse_with_options(&kGumboDefaultOptions, page.body.data(), page.body.size()));
    nodes += tree->root->v.element.children.length;
  }
  return nodes;
}

// How tagdrift parses: no parse-error list, cut at the nesting limit (util/html_parse.h), with
// `parse` = detectors::parse_html; a page's analysis, detectors::parse_page_html, also skims the
// prose no reader wants.
std::size_t tagdrift_parse(const Corpus& corpus,
                           detectors::GumboOutputPtr (*parse)(std::string_view)) {
  std::size_t nodes = 0;
  for (const auto& page : corpus.pages) {
    detectors::GumboOutputPtr tree = parse(page.body);
    nodes += tree->root->v.element.children.length;
  }
  return nodes;
}

// What scan/page_analysis.cc does with a fresh page body (detectors::analyse_html, then
// detection), minus fetching and, unless `with_links`, minus link extraction.
std::size_t detect_all(const Corpus& corpus, const detectors::Detector& detector, bool with_links) {
  const auto& lexicon = detectors::HealthLexicon::builtin();
  std::size_t found = 0;
  for (const auto& page : corpus.pages) {
    std::vector<std::string> links;
    const auto read_links = [&](const GumboNode& root) {
      links = crawler::extract_links(&root, page.url, 10000);
    };
    detectors::HtmlAnalysis html =
        detectors::analyse_html({page.body, page.url, corpus.template_source}, lexicon,
                                with_links ? detectors::TreeReader(read_links) : nullptr);
    detectors::PageDetections detections = detector.detect(html.places, page.url, nullptr);
    found += detections.active.size() + detections.unknown.size() +
             html.context.health_terms.size() + links.size();
  }
  return found;
}

// --- Synthetic signature sets -------------------------------------------------------------

// Letters only, so a renamed literal stays a literal: 1 -> "zqb", 2 -> "zqc", ...
std::string clone_suffix(std::size_t k) {
  std::string s = "zq";
  do {
    s += static_cast<char>('a' + k % 26);
    k /= 26;
  } while (k != 0);
  return s;
}

// `regex` with `suffix` after every run of two or more ASCII letters outside escapes, character
// classes and group headers, so that a clone of a vendor's pattern costs the same to match but
// hits nothing the original hits.
std::string rename_literals(std::string_view regex, const std::string& suffix) {
  std::string out;
  std::size_t run = 0;
  bool in_class = false;
  auto end_run = [&] {
    if (run >= 2) out += suffix;
    run = 0;
  };
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_class) {
      out += c;
      ++run;
      continue;
    }
    end_run();
    if (c == '\\' && i + 1 < regex.size()) {
      out += c;
      out += regex[++i];
      if ((regex[i] == 'p' || regex[i] == 'P') && i + 1 < regex.size() && regex[i + 1] == '{') {
        while (i + 1 < regex.size() && regex[i] != '}') out += regex[++i];
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < regex.size() && regex[i + 1] == '^') out += regex[++i];
      if (i + 1 < regex.size() && regex[i + 1] == ']') out += regex[++i];
      continue;
    }
    if (c == '(' && i + 1 < regex.size() && regex[i + 1] == '?') {
      // (?:  (?i)  (?P<id>  : copied whole up to the end of the header.
      while (i < regex.size() && regex[i] != ':' && regex[i] != ')' && regex[i] != '>') {
        out += regex[i++];
      }
      if (i < regex.size()) out += regex[i];
      continue;
    }
    out += c;
  }
  end_run();
  return out;
}

std::string rename_host(const std::string& host, const std::string& suffix) {
  return suffix + "-" + host;
}

void rename_string_array(toml::table& table, const char* key,
                         const std::function<std::string(const std::string&)>& rename) {
  if (auto* array = table[key].as_array()) {
    for (auto& node : *array) {
      if (auto* s = node.as_string()) s->get() = rename(s->get());
    }
  }
}

// A clone of one signature file: another vendor with the same shape of patterns.
toml::table clone_file(const toml::table& original, std::size_t k) {
  const std::string suffix = clone_suffix(k);
  toml::table file = original;
  if (auto vendor = file["vendor"].value<std::string>())
    file.insert_or_assign("vendor", *vendor + "-" + suffix);
  auto host = [&](const std::string& h) { return rename_host(h, suffix); };
  rename_string_array(file, "hosts", host);
  if (auto* sigs = file["signature"].as_array()) {
    for (auto& node : *sigs) {
      toml::table& sig = *node.as_table();
      sig.insert_or_assign("id", sig["id"].value_or(std::string()) + "-" + suffix);
      if (auto vendor = sig["vendor"].value<std::string>())
        sig.insert_or_assign("vendor", *vendor + "-" + suffix);
      rename_string_array(sig, "hosts", host);
      sig.erase("example");  // the clones' examples would no longer hold
      if (auto* patterns = sig["pattern"].as_array()) {
        for (auto& p : *patterns) {
          toml::table& pattern = *p.as_table();
          pattern.insert_or_assign(
              "regex", rename_literals(pattern["regex"].value_or(std::string()), suffix));
        }
      }
    }
  }
  file.erase("allowed");
  return file;
}

std::size_t signature_count(const toml::table& file) {
  const auto* sigs = file["signature"].as_array();
  return sigs == nullptr ? 0 : sigs->size();
}

std::string to_text(const toml::table& table) {
  std::ostringstream out;
  out << table;
  return out.str();
}

// Exactly `count` signatures: the real ones in file order (the last file cut short when fewer
// are wanted), then clones of the real files until there are enough.
std::vector<detectors::SignatureSource> synthetic_sources(std::size_t count) {
  std::vector<std::pair<std::string, toml::table>> real;
  std::vector<detectors::SignatureSource> out;
  for (auto& source : detectors::embedded_signature_sources()) {
    toml::table table = toml::parse(source.text);
    if (signature_count(table) == 0) {
      out.push_back(std::move(source));  // allowed hosts and the like: no signatures
      continue;
    }
    real.emplace_back(source.name, std::move(table));
  }
  std::size_t have = 0;
  for (std::size_t k = 0; have < count; ++k) {
    for (const auto& [name, original] : real) {
      if (have == count) break;
      toml::table file = k == 0 ? original : clone_file(original, k);
      auto* sigs = file["signature"].as_array();
      while (have + sigs->size() > count) sigs->erase(sigs->end() - 1);
      have += sigs->size();
      out.push_back({k == 0 ? name : clone_suffix(k) + "-" + name, to_text(file), false});
    }
  }
  return out;
}

// --- Matching: RE2::Set against one RE2 per pattern ---------------------------------------

struct PlaceText {
  detectors::PlaceKind kind;
  std::string text;
};

bool is_url_kind(detectors::PlaceKind kind) {
  using detectors::PlaceKind;
  return kind == PlaceKind::kScriptSrc || kind == PlaceKind::kImg || kind == PlaceKind::kIframe ||
         kind == PlaceKind::kNoscriptImg || kind == PlaceKind::kNoscriptIframe ||
         kind == PlaceKind::kLink;
}

// The texts the detector matches for each page: each place's value, and a URL as written when it
// differs from the resolved one (detectors/detector.cc).
std::vector<std::vector<PlaceText>> place_texts(const Corpus& corpus) {
  std::vector<std::vector<PlaceText>> pages;
  for (const auto& page : corpus.pages) {
    std::vector<PlaceText> texts;
    const auto& lexicon = detectors::HealthLexicon::builtin();
    for (auto& place :
         detectors::analyse_html({page.body, page.url, corpus.template_source}, lexicon).places) {
      if (is_url_kind(place.kind) && !place.raw.empty() && place.raw != place.value) {
        texts.push_back({place.kind, place.raw});
      }
      texts.push_back({place.kind, std::move(place.value)});
    }
    pages.push_back(std::move(texts));
  }
  return pages;
}

struct NaivePattern {
  std::vector<detectors::PlaceKind> places;
  std::unique_ptr<RE2> regex;
};

std::vector<NaivePattern> compile_each(const detectors::SignatureSet& set) {
  std::vector<NaivePattern> out;
  RE2::Options options;
  options.set_log_errors(false);
  for (const auto& sig : set.signatures()) {
    for (const auto& pattern : sig.patterns) {
      auto regex = std::make_unique<RE2>(pattern.regex, options);
      if (regex->ok()) out.push_back({pattern.places, std::move(regex)});
    }
  }
  return out;
}

struct MatchFigures {
  std::size_t signatures = 0, patterns = 0, errors = 0;
  Timing set, naive;
  std::size_t set_hits = 0, naive_hits = 0;
  bool fallback = false;
};

MatchFigures measure_matching(std::size_t count, const std::vector<std::vector<PlaceText>>& pages,
                              int runs) {
  MatchFigures f;
  std::vector<std::string> errors;
  detectors::SignatureSet set(synthetic_sources(count), detectors::kDefaultRegexMemory, errors);
  f.signatures = set.signatures().size();
  f.errors = errors.size();
  const std::vector<NaivePattern> naive = compile_each(set);
  f.patterns = naive.size();
  f.set = median_seconds(runs, [&] {
    f.set_hits = 0;
    for (const auto& texts : pages) {
      for (const auto& t : texts) {
        detectors::MatchStats stats;
        // Distinct patterns hit, as the one-by-one loop counts them (a pattern may match twice).
        std::vector<std::pair<std::size_t, std::size_t>> hit;
        for (const auto& h : set.matcher().match(t.kind, t.text, &stats)) {
          hit.emplace_back(h.signature, h.pattern);
        }
        std::sort(hit.begin(), hit.end());
        f.set_hits += static_cast<std::size_t>(std::unique(hit.begin(), hit.end()) - hit.begin());
        f.fallback = f.fallback || stats.set_fallback;
      }
    }
  });
  f.naive = median_seconds(runs, [&] {
    f.naive_hits = 0;
    for (const auto& texts : pages) {
      for (const auto& t : texts) {
        for (const auto& p : naive) {
          if (std::find(p.places.begin(), p.places.end(), t.kind) == p.places.end()) continue;
          if (RE2::PartialMatch(t.text, *p.regex)) ++f.naive_hits;
        }
      }
    }
  });
  return f;
}

// --- Output -------------------------------------------------------------------------------

// The median of each stage over `runs` rounds, the stages interleaved within a round so that a
// change in machine load hits them alike.
std::vector<Timing> interleaved(int runs, const std::vector<std::function<void()>>& stages) {
  std::vector<std::vector<Timing>> all(stages.size());
  for (int r = 0; r < runs; ++r) {
    for (std::size_t i = 0; i < stages.size(); ++i) all[i].push_back(median_seconds(1, stages[i]));
  }
  std::vector<Timing> medians;
  for (auto& times : all) {
    std::vector<double> cpu, wall;
    for (const auto& t : times) {
      cpu.push_back(t.cpu);
      wall.push_back(t.wall);
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    medians.push_back({cpu[cpu.size() / 2], wall[wall.size() / 2]});
  }
  return medians;
}

void print_throughput(const Corpus& corpus, const detectors::Detector& detector, int runs) {
  // A small page set is gone through several times a run, so each timing covers >= 10 MB.
  const std::size_t passes =
      std::max<std::size_t>(1, 10'000'000 / std::max<std::size_t>(1, corpus.bytes));
  std::size_t sink = 0;
  auto repeat = [&](const std::function<std::size_t()>& stage) {
    return [&sink, passes, stage] {
      for (std::size_t i = 0; i < passes; ++i) sink += stage();
    };
  };
  const auto t =
      interleaved(runs, {repeat([&] { return bare_gumbo(corpus); }),
                         repeat([&] { return tagdrift_parse(corpus, detectors::parse_html); }),
                         repeat([&] { return tagdrift_parse(corpus, detectors::parse_page_html); }),
                         repeat([&] { return detect_all(corpus, detector, false); }),
                         repeat([&] { return detect_all(corpus, detector, true); })});
  const double n = static_cast<double>(corpus.pages.size() * passes);
  const double mb = static_cast<double>(corpus.bytes * passes) / 1e6;
  std::printf(
      "\n%s: %zu pages, %.1f MB (x%zu passes a run), one core, median of %d runs"
      " (checksum %zu)\n",
      corpus.name.c_str(), corpus.pages.size(), static_cast<double>(corpus.bytes) / 1e6, passes,
      runs, sink);
  std::printf("  %-44s %9s %8s %9s %11s %11s\n", "stage (CPU time)", "pages/s", "MB/s", "ms/page",
              "% of Gumbo", "wall %Gumbo");
  const char* names[] = {
      "bare Gumbo parse (default options)", "tagdrift's parse_html (no error list)",
      "tagdrift's parse_page_html (prose skimmed)", "detection alone (parse+places+match+health)",
      "detection + link extraction (a scan worker)"};
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::printf("  %-44s %9.1f %8.1f %9.3f %10.1f%% %10.1f%%\n", names[i], n / t[i].cpu,
                mb / t[i].cpu, t[i].cpu * 1e3 / n, 100.0 * t[0].cpu / t[i].cpu,
                100.0 * t[0].wall / t[i].wall);
  }
}

void print_matching(const Corpus& corpus, std::size_t sample, int runs) {
  Corpus part{corpus.name, {}, 0, corpus.template_source};
  for (const auto& page : corpus.pages) {
    if (part.pages.size() == sample) break;
    part.bytes += page.body.size();
    part.pages.push_back(page);
  }
  const auto pages = place_texts(part);
  std::size_t texts = 0;
  for (const auto& p : pages) texts += p.size();
  std::printf("\n%s: matching only, %zu pages, %zu place texts (%.0f a page), median of %d runs\n",
              corpus.name.c_str(), part.pages.size(), texts,
              static_cast<double>(texts) / static_cast<double>(part.pages.size()), runs);
  std::printf("  %10s %9s %14s %16s %9s %9s %9s\n", "signatures", "patterns", "RE2::Set ms/pg",
              "one-by-one ms/pg", "ratio", "set hits", "1x1 hits");
  const double n = static_cast<double>(part.pages.size());
  for (std::size_t count : {10, 50, 500}) {
    MatchFigures f = measure_matching(count, pages, runs);
    std::printf("  %10zu %9zu %14.4f %16.4f %8.1fx %9zu %9zu%s%s\n", f.signatures, f.patterns,
                f.set.cpu * 1e3 / n, f.naive.cpu * 1e3 / n, f.naive.cpu / f.set.cpu, f.set_hits,
                f.naive_hits, f.fallback ? "  (set fell back to one-by-one)" : "",
                f.errors != 0 ? "  (some clones did not compile)" : "");
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: detect_bench [--runs R] [--match-pages N] [--corpus DIR] SITE_DIR\n"
               "  SITE_DIR       a generated bench site (bench/gen_site.py)\n"
               "  --corpus DIR   the real-page corpus (its pages/ directory is read)\n"
               "  --runs R       runs of each measurement; the median is printed (default 3)\n"
               "  --match-pages N  pages of each set used for the matching table (default 100)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::size_t match_pages = 100;
  std::string site, corpus_dir;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--runs" && has_value) {
      runs = std::max(1, std::stoi(args[++i]));
    } else if (args[i] == "--match-pages" && has_value) {
      match_pages = std::stoul(args[++i]);
    } else if (args[i] == "--corpus" && has_value) {
      corpus_dir = args[++i];
    } else if (site.empty() && !args[i].starts_with("-")) {
      site = args[i];
    } else {
      return usage();
    }
  }
  if (site.empty()) return usage();
  try {
    std::vector<Corpus> corpora;
    // The generated site is what bench/run crawls; the corpus's files hold raw templates, read
    // as `tagdrift scan DIR` reads them.
    corpora.push_back(load_dir("generated site", site, "http://127.0.0.1:8080/", false));
    if (!corpus_dir.empty()) {
      corpora.push_back(
          load_dir("real corpus", fs::path(corpus_dir) / "pages", "https://corpus.test/", true));
    }
    const detectors::SignatureSet signatures;
    const detectors::Detector detector(signatures);
    std::printf("detect_bench: %zu built-in signatures\n", signatures.signatures().size());
    for (const auto& corpus : corpora) {
      if (corpus.pages.empty()) {
        std::fprintf(stderr, "detect_bench: no .html pages in %s\n", corpus.name.c_str());
        return 1;
      }
      print_throughput(corpus, detector, runs);
    }
    for (const auto& corpus : corpora) print_matching(corpus, match_pages, runs);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "detect_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
