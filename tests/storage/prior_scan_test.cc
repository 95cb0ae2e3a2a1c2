#include "storage/prior_scan.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "storage/history.h"
#include "storage/prior_page_reader.h"
#include "storage/scan_writer.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::storage::load_prior_scan;
using tagdrift::storage::PriorPageReader;
using tagdrift::testing::kClinic;
using tagdrift::testing::make_page;
using tagdrift::testing::make_sighting;
using tagdrift::testing::TempDir;

namespace {

// Fields of a sighting as one comparable line.
std::string line_of(const tagdrift::storage::SightingRecord& s) {
  std::string events, matching;
  for (const auto& e : s.events) events += e + ",";
  for (const auto& m : s.enhanced_match) matching += m + ",";
  return s.key + "|" + s.signature_id + "|" + s.vendor + "|" + s.product + "|" + s.category + "|" +
         s.tag_id + "|" + s.page_url + "|" + s.place + "|" + s.via + "|" +
         std::to_string(s.consent_gated) + std::to_string(s.commented) + "|" + events + "|" +
         matching + "|" + s.evidence + "|" + std::to_string(s.line) + "|" +
         s.container.container_id + "|" + s.container.version + "|" +
         std::to_string(s.container.tag_id) + "|" + s.container.template_name + "|" +
         s.container.firing + "|" + s.container.resolved;
}

}  // namespace

TEST_CASE("prior scan: sightings shared between pages come back as each page stored them") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  constexpr int kPages = 6;
  std::map<std::string, std::vector<std::string>> written;  // by page URL
  for (int n = 0; n < kPages; ++n) {
    auto page = make_page(kClinic, n);
    page.extract =
        tagdrift::storage::PageExtract{{page.url + "/next", "https://cdn.test/x"}, {}, 0};
    auto by_url = make_sighting(page.url);
    auto by_final_url = make_sighting(page.final_url, "pinterest:2612");
    // Read from a container: where it was configured comes back with it.
    by_final_url.container = {"GTM-AB12CD", "42", 9, "__pntr", "All Pages", "constant (macro 4)"};
    auto elsewhere = make_sighting(std::string(kClinic) + "/frame", "hotjar:77");
    elsewhere.line = static_cast<unsigned>(n);  // distinct on every page
    for (const auto* s : {&by_url, &by_final_url, &elsewhere}) {
      written[page.url].push_back(line_of(*s));
    }
    writer.add_page(page, {by_url, by_final_url, elsewhere});
  }
  writer.finish({kPages, 0, 0}, "2026-11-26T10:05:00Z");
  auto last = History(db).last_complete_scan(kClinic);
  REQUIRE(last);

  auto prior = load_prior_scan(db, *last);
  REQUIRE(prior.pages() == kPages);
  // Two sightings shared by every page, the third distinct on each.
  CHECK(prior.distinct_sightings() == 2 + kPages);
  PriorPageReader reader(db.path());
  for (const auto& [url, lines] : written) {
    INFO(url);
    const auto* head = prior.find(url);
    REQUIRE(head != nullptr);
    CHECK(prior.text(head->url) == url);
    std::vector<std::string> got;
    for (const auto& sighting : prior.sightings(*head)) got.push_back(line_of(sighting));
    CHECK(got == lines);
    auto links = reader.read(head->page_id, head->extract_id).links;
    REQUIRE(links);
    CHECK(*links == std::vector<std::string>{url + "/next", "https://cdn.test/x"});
  }
  CHECK(prior.find(std::string(kClinic) + "/not-crawled") == nullptr);
}

TEST_CASE("prior scan: pages with the same sightings share one run of them") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  constexpr int kPages = 5;
  for (int n = 0; n < kPages; ++n) {
    auto page = make_page(kClinic, n);
    page.extract = tagdrift::storage::PageExtract{{}, {}, 0};
    // The same tags on every page, each naming the page by its own URL.
    writer.add_page(page, {make_sighting(page.url), make_sighting(page.final_url, "tt:9")});
  }
  writer.finish({kPages, 0, 0}, "2026-11-26T10:05:00Z");
  auto prior = load_prior_scan(db, *History(db).last_complete_scan(kClinic));
  REQUIRE(prior.pages() == kPages);
  CHECK(prior.held_page_sightings() == 2);
  for (int n = 0; n < kPages; ++n) {
    auto page = make_page(kClinic, n);
    const auto* head = prior.find(page.url);
    REQUIRE(head != nullptr);
    auto sightings = prior.sightings(*head);
    REQUIRE(sightings.size() == 2);
    CHECK(sightings[0].page_url == page.url);
    CHECK(sightings[1].page_url == page.final_url);
    CHECK(sightings[1].key == "tt:9");
  }
}

TEST_CASE("prior scan: a page's validators, hash and health context come back as stored") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto page = make_page(kClinic, 1);
  page.final_url = page.url + "/";
  page.etag = "\"abc\"";
  page.last_modified = "Fri, 27 Nov 2026 15:49:10 GMT";
  page.content_type = "text/html; charset=utf-8";
  page.health_context = true;
  page.health_terms = {"fertility", "ivf"};
  page.collects_pii = {"email"};
  page.extract = tagdrift::storage::PageExtract{{"https://www.clinic.test/ivf"}, {}, 0};
  writer.add_page(page, {make_sighting(page.final_url)});
  writer.finish({1, 0, 0}, "2026-11-26T10:05:00Z");

  auto prior = load_prior_scan(db, *History(db).last_complete_scan(kClinic));
  const auto* head = prior.find(page.url);
  REQUIRE(head != nullptr);
  CHECK(prior.text(head->final_url) == page.final_url);
  CHECK(prior.text(head->etag) == page.etag);
  CHECK(prior.text(head->last_modified) == page.last_modified);
  CHECK(prior.text(head->body_hash) == page.body_hash);
  REQUIRE(prior.sightings(*head).size() == 1);
  CHECK(prior.sightings(*head)[0].page_url == page.final_url);
  auto rest = PriorPageReader(db.path()).read(head->page_id, head->extract_id);
  CHECK(rest.content_type == page.content_type);
  CHECK(rest.health_context);
  CHECK(rest.health_terms == page.health_terms);
  CHECK(rest.collects_pii == page.collects_pii);
}

TEST_CASE("prior scan: a page that followed a script the scan did not record is not reusable") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  const std::string recorded = "https://cdn.test/gtm.js", unrecorded = "https://cdn.test/other.js";
  auto with_recorded = make_page(kClinic, 1), with_unrecorded = make_page(kClinic, 2);
  with_recorded.extract = tagdrift::storage::PageExtract{{}, {recorded}, 0};
  with_unrecorded.extract = tagdrift::storage::PageExtract{{}, {recorded, unrecorded}, 0};
  writer.add_page(with_recorded, {});
  writer.add_page(with_unrecorded, {});
  writer.finish({2, 0, 0}, "2026-11-26T10:05:00Z", {{recorded, "hash", ""}});

  auto prior = load_prior_scan(db, *History(db).last_complete_scan(kClinic));
  CHECK(prior.pages() == 1);
  CHECK(prior.find(with_unrecorded.url) == nullptr);
  const auto* head = prior.find(with_recorded.url);
  REQUIRE(head != nullptr);
  auto scripts = prior.scripts_of(*head);
  REQUIRE(scripts.size() == 1);
  CHECK(prior.scripts().at(scripts[0]).url == recorded);
}

TEST_CASE("prior scan: reading back a page the database no longer has names the database") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto page = make_page(kClinic, 1);
  page.extract = tagdrift::storage::PageExtract{{page.url + "/next"}, {}, 0};
  writer.add_page(page, {});
  writer.finish({1, 0, 0}, "2026-11-26T10:05:00Z");
  auto prior = load_prior_scan(db, *History(db).last_complete_scan(kClinic));
  const auto* head = prior.find(page.url);
  REQUIRE(head != nullptr);
  PriorPageReader reader(db.path());
  CHECK_THROWS_WITH(reader.read(head->page_id + 1000, head->extract_id),
                    Catch::Contains("is gone from the database") && Catch::Contains(db.path()));
  CHECK(reader.read(head->page_id, head->extract_id).links);  // the reader still works
}

TEST_CASE("prior scan: a page whose stored links are damaged has none to reuse") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto page = make_page(kClinic, 1);
  page.extract = tagdrift::storage::PageExtract{{page.url + "/next"}, {}, 0};
  writer.add_page(page, {make_sighting(page.url)});
  writer.finish({1, 0, 0}, "2026-11-26T10:05:00Z");
  tagdrift::storage::Statement(db.handle(), "UPDATE extracts SET links = '[\"cut'").step();
  auto prior = load_prior_scan(db, *History(db).last_complete_scan(kClinic));
  const auto* head = prior.find(page.url);
  REQUIRE(head != nullptr);
  CHECK_FALSE(PriorPageReader(db.path()).read(head->page_id, head->extract_id).links);
  CHECK(prior.sightings(*head).size() == 1);
}

TEST_CASE("prior scan: the visitor meets every record of the scan, as for_each_record hands them") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto reusable = make_page(kClinic, 1);
  reusable.extract = tagdrift::storage::PageExtract{{reusable.url + "/next"}, {}, 0};
  auto failed = make_page(kClinic, 2);  // no extract: not reusable, but part of the scan
  failed.status = 500;
  failed.error = "HTTP 500";
  writer.add_page(reusable, {make_sighting(reusable.url), make_sighting(reusable.url, "tt:9")});
  writer.add_page(failed, {make_sighting(failed.url, "pinterest:2612")});
  writer.finish({2, 1, 0}, "2026-11-26T10:05:00Z");
  auto last = History(db).last_complete_scan(kClinic);
  REQUIRE(last);

  std::set<std::string> expected_pages, visited_pages;
  std::vector<std::string> expected, visited;  // sightings, in order
  History(db).for_each_record(
      last->id, [&](tagdrift::storage::PageRecord page) { expected_pages.insert(page.url); },
      [&](tagdrift::storage::SightingRecord s) { expected.push_back(line_of(s)); });
  const tagdrift::storage::ScanRecordVisitor visit{
      [&](const tagdrift::storage::PageRecord& page) { visited_pages.insert(page.url); },
      [&](const tagdrift::storage::SightingRecord& s) {
        CHECK(visited_pages.size() == 2);  // every page comes first
        visited.push_back(line_of(s));
      }};
  auto prior = load_prior_scan(db, *last, visit);
  CHECK(expected_pages == std::set<std::string>{reusable.url, failed.url});
  CHECK(visited_pages == expected_pages);
  CHECK(expected.size() == 3);
  CHECK(visited == expected);
  // The visitor sees the page that failed; the rescan may reuse only the other.
  CHECK(prior.pages() == 1);
  CHECK(prior.find(failed.url) == nullptr);
  REQUIRE(prior.find(reusable.url) != nullptr);
  CHECK(prior.sightings(*prior.find(reusable.url)).size() == 2);
}
