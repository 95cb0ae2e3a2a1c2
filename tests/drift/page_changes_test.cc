#include "drift/page_changes.h"

#include <catch2/catch.hpp>

#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;

TEST_CASE("page changes: only pages fetched fine before can vanish or break") {
  auto failed_before = page_at("/was-broken/");
  failed_before.error = "connection refused";
  auto skipped_before = page_at("/was-skipped/");
  skipped_before.skipped = "robots.txt";
  auto missing_before = page_at("/was-404/");
  missing_before.status = 404;
  auto previous = scan_of(1, {page_at("/"), failed_before, skipped_before, missing_before}, {});
  auto current = scan_of(2, {page_at("/")}, {});
  CHECK(page_changes(previous, current).empty());
}

TEST_CASE("page changes: a page now skipped is neither vanished nor broken") {
  auto previous = scan_of(1, {page_at("/"), page_at("/a/")}, {});
  auto skipped = page_at("/a/");
  skipped.skipped = "robots.txt";
  CHECK(page_changes(previous, scan_of(2, {page_at("/"), skipped}, {})).empty());
}

TEST_CASE("page changes: vanished and broken pages in URL order") {
  auto previous = scan_of(1, {page_at("/b/"), page_at("/a/"), page_at("/c/")}, {});
  auto broken = page_at("/c/");
  broken.error = "body over budget";
  auto server_error = page_at("/b/");
  server_error.status = 503;
  auto changes = page_changes(previous, scan_of(2, {broken, server_error}, {}));
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].url == url_of("/a/"));
  CHECK(changes[0].change == "vanished");
  CHECK(changes[1].change == "broke: HTTP 503");
  CHECK(changes[2].change == "broke: body over budget");
}

TEST_CASE("page changes: fetched urls leave out failed and skipped pages") {
  auto failed = page_at("/x/");
  failed.error = "timeout";
  auto urls = fetched_urls(scan_of(1, {page_at("/"), failed}, {}));
  CHECK(urls == UrlSet{url_of("/")});
}
