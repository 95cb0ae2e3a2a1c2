#include "storage/redact.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/scan_writer.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::storage::redact_url;
using tagdrift::storage::ScanWriter;
using tagdrift::testing::bytes_of;
using tagdrift::testing::kClinic;
using tagdrift::testing::TempDir;

TEST_CASE("redact: secret-looking query parameters are masked, others kept") {
  CHECK(redact_url("https://www.clinic.test/portal?token=abc") ==
        "https://www.clinic.test/portal?token=REDACTED");
  CHECK(redact_url("https://a.test/x?page=2&API_Key=zz&sessionid=9&q=flu") ==
        "https://a.test/x?page=2&API_Key=REDACTED&sessionid=REDACTED&q=flu");
  CHECK(redact_url("https://a.test/?Email=pat%40example.test&newPassword=x") ==
        "https://a.test/?Email=REDACTED&newPassword=REDACTED");
}

TEST_CASE("redact: user and password are dropped") {
  CHECK(redact_url("https://pat:hunter2@www.clinic.test/a") == "https://www.clinic.test/a");
  CHECK(redact_url("https://pat@www.clinic.test/a?token=t") ==
        "https://www.clinic.test/a?token=REDACTED");
}

TEST_CASE("redact: parameters in the fragment are masked too") {
  CHECK(redact_url("https://a.test/cb#access_token=xyz&state=1") ==
        "https://a.test/cb#access_token=REDACTED&state=1");
}

TEST_CASE("redact: a URL with nothing to mask comes back byte for byte") {
  for (const char* url : {"https://www.clinic.test", "HTTPS://A.test/Path/../x?b=1&a=2#top",
                          "https://a.test/?token", "https://a.test/?token=", ""}) {
    CHECK(redact_url(url) == url);
  }
}

TEST_CASE("redact: relative references and non-URLs are masked as text") {
  CHECK(redact_url("/js/pixel.js?key=k1&v=3") == "/js/pixel.js?key=REDACTED&v=3");
  CHECK(redact_url("gtm:GTM-ABC1234") == "gtm:GTM-ABC1234");
}

TEST_CASE("redact: patterns of one's own replace the defaults") {
  CHECK(redact_url("https://a.test/?sig=1&token=2", {"SIG"}) ==
        "https://a.test/?sig=REDACTED&token=2");
}

TEST_CASE("redact: a token in a URL never reaches the database file") {
  TempDir dir;
  fs::path path = dir.path() / "history.db";
  const std::string secret = "s3cr3t-T0KEN-9f8e7d";
  const std::string password = "hunter2-pw-5a4b";
  {
    Database db = Database::open(path.string());
    auto header = tagdrift::testing::make_header(kClinic);
    header.target = kClinic + std::string("/?token=") + secret;
    ScanWriter writer(db, header);
    auto page = tagdrift::testing::make_page(kClinic, 0);
    page.url = kClinic + std::string("/portal?token=") + secret + "&page=2";
    page.final_url = kClinic + std::string("/portal?page=2&session=") + secret;
    page.referrer = "https://pat:" + password + "@www.clinic.test/login?email=" + secret;
    auto sighting = tagdrift::testing::make_sighting(page.url);
    sighting.via = "https://cdn.test/pixel.js?apikey=" + secret;
    sighting.evidence = "evidence-marker-71c2";
    writer.add_page(page, {sighting});
    writer.finish({1, 0, 0}, "");

    auto loaded = History(db).load_scan(writer.scan_id());
    CHECK(loaded.scan.target == kClinic + std::string("/?token=REDACTED"));
    CHECK(loaded.pages[0].url == kClinic + std::string("/portal?token=REDACTED&page=2"));
    CHECK(loaded.pages[0].referrer == "https://www.clinic.test/login?email=REDACTED");
    CHECK(loaded.sightings[0].page_url == loaded.pages[0].url);
    CHECK(loaded.sightings[0].via == "https://cdn.test/pixel.js?apikey=REDACTED");
  }
  std::string bytes = bytes_of(path) + bytes_of(path.string() + "-wal");
  CHECK(bytes.find("evidence-marker-71c2") != std::string::npos);  // the search can find text
  CHECK(bytes.find(secret) == std::string::npos);
  CHECK(bytes.find(password) == std::string::npos);
}

TEST_CASE("redact: URLs inside an error or log line are redacted, the words around them kept") {
  using tagdrift::storage::redact_urls_in_text;
  CHECK(redact_urls_in_text("redirect loop at https://a.test/x?token=abc&n=1") ==
        "redirect loop at https://a.test/x?token=REDACTED&n=1");
  CHECK(redact_urls_in_text("http://a.test/down?session=s3: HTTP 503") ==
        "http://a.test/down?session=REDACTED: HTTP 503");
  CHECK(redact_urls_in_text("see (https://u:pw@a.test/), then?key=1") ==
        "see (https://a.test/), then?key=1");
  CHECK(redact_urls_in_text("HTTP 500") == "HTTP 500");
  CHECK(redact_urls_in_text("") == "");
}
