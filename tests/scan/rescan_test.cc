// Incremental rescans: a site that changes between scans in every way the drift rules know must
// drift exactly as a cold scan of it does, while its unchanged pages are reused unparsed.
#include "scan/rescan.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "scan/scan_job.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"
#include "util/sha256.h"

using tagdrift::drift::Report;
using tagdrift::scan::ScanJob;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::TempDir;

namespace {

// A site held in memory so a test can change it between scans. Pages under /plain/ are served
// without validators (a rescan can only compare body hashes); the rest carry an ETag and answer
// If-None-Match with 304.
class ChangingSite {
 public:
  ChangingSite() {
    server_.http().Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
      serve(request, response);
    });
    server_.start();
  }

  void put(const std::string& path, std::string body) {
    std::lock_guard lock(mutex_);
    files_[path] = std::move(body);
  }
  void remove(const std::string& path) {
    std::lock_guard lock(mutex_);
    files_.erase(path);
  }
  int not_modified() const {
    std::lock_guard lock(mutex_);
    return not_modified_;
  }
  std::string url(const std::string& path = "/") const { return server_.url(path); }

 private:
  void serve(const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    auto found = files_.find(request.path);
    if (found == files_.end()) {
      response.status = 404;
      return;
    }
    const std::string& body = found->second;
    bool js = request.path.ends_with(".js");
    if (!request.path.starts_with("/plain/")) {
      std::string etag = "\"" + tagdrift::sha256_hex(body).substr(0, 16) + "\"";
      response.set_header("ETag", etag);
      if (request.get_header_value("If-None-Match") == etag) {
        ++not_modified_;
        response.status = 304;
        return;
      }
    }
    response.set_content(body, js ? "application/javascript" : "text/html; charset=utf-8");
  }

  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
  int not_modified_ = 0;
  LoopbackServer server_;
};

const char* kGa =
    "<script async src='https://www.googletagmanager.com/gtag/js?id=G-AB12CD34EF'></script>"
    "<script>gtag('config', 'G-AB12CD34EF');</script>";
const char* kGaSecond = "<script>gtag('config', 'G-ZZ98YY76XX');</script>";
const char* kPinterest = "<script>pintrk('load', '2619876543210'); pintrk('page');</script>";
const char* kMeta = "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>";
const char* kMetaMatched =
    "<script>fbq('init', '4836152907314682', {em: 'a@b.c'}); fbq('track', 'PageView');"
    "fbq('track', 'Lead');</script>";
const char* kTiktokGated =
    "<script type='text/plain' class='optanon-category-C0004'>ttq.load('CK9P4Q7R2M1N8B3V5X6Z');"
    "ttq.page();</script>";
const char* kTiktok = "<script>ttq.load('CK9P4Q7R2M1N8B3V5X6Z'); ttq.page();</script>";
const char* kBundle = "<script src='/js/site.js'></script>";

std::string page(const std::string& title, const std::string& tags, const std::string& body = "") {
  return "<!doctype html><html><head><title>" + title + "</title>" + tags + "</head><body><h1>" +
         title + "</h1>" + body + "</body></html>";
}

std::string links(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& path : paths) out += "<a href='" + path + "'>" + path + "</a>";
  return out;
}

// Version A of the site: the first scan sees this.
void write_version_a(ChangingSite& site) {
  site.put("/", page("Riverside Clinic", kGa,
                     links({"/services/ivf/", "/blog/", "/plain/about/", "/appointments/", "/old/",
                            "/plain/news/", "/contact/", "/team/"})));
  site.put("/services/ivf/", page("IVF and fertility treatment", kGa));
  site.put("/blog/", page("Blog", std::string(kGa) + kMeta));
  site.put("/plain/about/", page("About us", std::string(kGa) + kBundle));
  site.put("/appointments/", page("Book an appointment", std::string(kGa) + kTiktokGated,
                                  "<form><label>Email <input type=email name=email></label>"
                                  "</form>"));
  site.put("/old/", page("Old page", std::string(kGa) + kPinterest));
  site.put("/plain/news/", page("News", kGa));
  site.put("/contact/", page("Contact", std::string(kGa) + kBundle));
  site.put("/team/", page("Our team", kGa));
  site.put("/js/site.js", "document.querySelector('nav');");
}

// Version B: every kind of drift at once, and pages that did not change.
void write_version_b(ChangingSite& site) {
  site.put("/", page("Riverside Clinic", kGa,
                     links({"/services/ivf/", "/blog/", "/plain/about/", "/appointments/",
                            "/plain/news/", "/contact/", "/team/"})));
  // A new vendor, and a known tag spreading to a health page.
  site.put("/services/ivf/",
           page("IVF and fertility treatment", std::string(kGa) + kPinterest + kMeta));
  // A second account of a known vendor, enhanced match and a new conversion event.
  site.put("/blog/", page("Blog", std::string(kGa) + kGaSecond + kMetaMatched));
  // Consent gating dropped on the appointment form.
  site.put("/appointments/", page("Book an appointment", std::string(kGa) + kTiktok,
                                  "<form><label>Email <input type=email name=email></label>"
                                  "</form>"));
  // The old page (the only one with Pinterest before) is gone; Pinterest is not removed, since
  // it moved to IVF. A tag drifts in through the bundle with no page changing.
  site.remove("/old/");
  site.put("/js/site.js",
           "document.querySelector('nav'); hj('init'); "
           "window._hjSettings={hjid:2847193,hjsv:6};");
}

ScanJob job_for(const std::string& url, const std::string& db, bool full) {
  ScanJob job;
  job.scan.crawl.targets = {url};
  job.scan.crawl.ignore_robots = true;
  job.scan.crawl.use_sitemaps = false;
  job.scan.full = full;
  job.db_path = db;
  return job;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + ",";
  return out;
}

// Everything drift decided, as comparable lines (no ids, times or transfer figures).
std::vector<std::string> drift_lines(const Report& report) {
  std::vector<std::string> lines;
  for (const auto& f : report.findings) {
    lines.push_back(f.key + " " + tagdrift::drift::status_name(f.status) + " " +
                    tagdrift::drift::severity_name(f.severity) + " " + f.reason + " | " +
                    join(f.changes) + " | " + join(f.events) + " | " + join(f.enhanced_match));
    for (const auto& p : f.pages) {
      lines.push_back("  " + *p.url + " " + join(p.where) + " via=" + *p.via +
                      " gated=" + std::to_string(p.consent_gated) +
                      " health=" + std::to_string(p.health_context) + " " + join(p.collects_pii));
    }
  }
  for (const auto& removed : report.removed) lines.push_back("removed " + removed.key);
  for (const auto& change : report.page_changes) {
    lines.push_back("page " + change.url + " " + change.change);
  }
  for (const auto& commented : report.commented) lines.push_back("commented " + commented.key);
  return lines;
}

int reused_pages(const Report& report) {
  int reused = 0;
  for (const auto& page : report.pages) reused += page.reused ? 1 : 0;
  return reused;
}

bool reused(const Report& report, const std::string& url) {
  for (const auto& page : report.pages) {
    if (page.url == url) return page.reused;
  }
  FAIL("no page " << url);
  return false;
}

}  // namespace

TEST_CASE("rescan: a changed site drifts exactly as a cold scan of it, unchanged pages reused") {
  ChangingSite site;
  write_version_a(site);
  TempDir data;
  const std::string incremental = (data.path() / "incremental.db").string();
  const std::string cold = (data.path() / "cold.db").string();
  tagdrift::scan::run_scan_job(job_for(site.url(), incremental, false));
  tagdrift::scan::run_scan_job(job_for(site.url(), cold, true));

  write_version_b(site);
  int before = site.not_modified();
  auto rescan = tagdrift::scan::run_scan_job(job_for(site.url(), incremental, false));
  auto full = tagdrift::scan::run_scan_job(job_for(site.url(), cold, true));

  // The cold scan sees every kind of drift (so the comparison below covers each).
  std::vector<std::string> lines = drift_lines(full.report);
  auto has = [&](const std::string& text) {
    for (const auto& line : lines) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  };
  CHECK(has("pinterest:2619876543210 changed"));
  CHECK(has("google-analytics:G-ZZ98YY76XX new"));
  CHECK(has("meta:4836152907314682 changed"));
  CHECK(has("tiktok:CK9P4Q7R2M1N8B3V5X6Z changed"));
  CHECK(has("hotjar:2847193 new"));
  CHECK(has("page " + site.url("/old/") + " vanished"));
  CHECK(has("via=" + site.url("/js/site.js")));

  CHECK(drift_lines(rescan.report) == lines);
  // Home, team and news are unchanged (news by body hash, the others by 304); about and contact
  // load the bundle that changed, so they are analysed again, as are the pages that changed.
  CHECK(reused(rescan.report, site.url("/")) == false);  // its links changed
  CHECK(reused(rescan.report, site.url("/team/")));
  CHECK(reused(rescan.report, site.url("/plain/news/")));
  CHECK_FALSE(reused(rescan.report, site.url("/contact/")));
  CHECK_FALSE(reused(rescan.report, site.url("/plain/about/")));
  CHECK_FALSE(reused(rescan.report, site.url("/services/ivf/")));
  CHECK(site.not_modified() - before == 1);
  CHECK(reused_pages(full.report) == 0);

  SECTION("a rescan of the unchanged site reuses every page and drifts like a cold one") {
    before = site.not_modified();
    auto again = tagdrift::scan::run_scan_job(job_for(site.url(), incremental, false));
    auto again_full = tagdrift::scan::run_scan_job(job_for(site.url(), cold, true));
    CHECK(drift_lines(again.report) == drift_lines(again_full.report));
    CHECK(reused_pages(again.report) == 8);
    CHECK(site.not_modified() - before == 6);  // all but the two /plain/ pages
  }
}

TEST_CASE("rescan: signatures that changed since the last scan make it a cold scan") {
  ChangingSite site;
  write_version_a(site);
  TempDir data, signatures;
  const std::string db = (data.path() / "history.db").string();
  tagdrift::scan::run_scan_job(job_for(site.url(), db, false));
  // A local copy of a built-in file, edited: the rules are no longer those of the last scan.
  std::ifstream builtin(std::string(TAGDRIFT_SOURCE_DIR) + "/signatures/hotjar.toml");
  std::stringstream text;
  text << builtin.rdbuf() << "\n# edited locally\n";
  signatures.write("hotjar.toml", text.str());
  ScanJob job = job_for(site.url(), db, false);
  job.scan.signatures_dir = signatures.path().string();
  auto rescan = tagdrift::scan::run_scan_job(job);
  CHECK(reused_pages(rescan.report) == 0);
}
