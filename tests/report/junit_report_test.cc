#include "report/junit_report.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <vector>

#include "report/safe_text.h"
#include "tests/report/report_fixtures.h"

using namespace tagdrift;

namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;

std::string junit(const drift::Report& report) {
  std::ostringstream out;
  report::render_junit(report, out);
  return out.str();
}

// Parses strictly: any well-formedness error (a bad escape, a control character) is a null.
XmlDoc parse(const std::string& xml) {
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  return XmlDoc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", "UTF-8", options));
}

std::string name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(xmlNode* node, const char* name) {
  std::unique_ptr<xmlChar, decltype(xmlFree)> value(
      xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)), xmlFree);
  return value ? reinterpret_cast<const char*>(value.get()) : "";
}

std::vector<xmlNode*> children(xmlNode* parent, const std::string& name) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && name_of(child) == name) out.push_back(child);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "junit_report: one suite, one case per finding, failures as the gate counts them, then one "
    "skipped case per failed page") {
  std::string xml = junit(testing::sample_report());
  INFO(xml);
  XmlDoc doc = parse(xml);
  REQUIRE(doc);
  xmlNode* suite = xmlDocGetRootElement(doc.get());
  CHECK(name_of(suite) == "testsuite");
  CHECK(attribute(suite, "name") == "tagdrift");
  CHECK(attribute(suite, "tests") == "6");
  CHECK(attribute(suite, "failures") == "2");  // fail-on new: the new and the changed
  CHECK(attribute(suite, "errors") == "0");
  CHECK(attribute(suite, "skipped") == "1");  // the page that answered 500
  auto cases = children(suite, "testcase");
  REQUIRE(cases.size() == 6);
  CHECK(attribute(cases[5], "classname") == "tagdrift.page");
  CHECK(attribute(cases[5], "name") == "https://www.clinic.test/broken");
  auto skipped = children(cases[5], "skipped");
  REQUIRE(skipped.size() == 1);
  CHECK(attribute(skipped[0], "message") == "page failed: HTTP 500; its tags were not verified");
  CHECK(attribute(cases[0], "classname") == "tagdrift.Pinterest");
  CHECK(attribute(cases[0], "name") == "pinterest:2612345678901");
  auto failures = children(cases[0], "failure");
  REQUIRE(failures.size() == 1);
  CHECK(attribute(failures[0], "message") ==
        "critical Pinterest Tag 2612345678901 (new): advertising pixel on a health page, not "
        "consent-gated");
  CHECK(attribute(failures[0], "type") == "critical");
  CHECK(children(cases[1], "failure").size() == 1);
  for (std::size_t i = 2; i < 5; ++i) CHECK(children(cases[i], "failure").empty());
}

TEST_CASE("junit_report: the failures follow fail_on") {
  auto report = testing::sample_report();
  auto failures = [&](drift::FailOn fail_on) {
    report.fail_on = fail_on;
    XmlDoc doc = parse(junit(report));
    REQUIRE(doc);
    return attribute(xmlDocGetRootElement(doc.get()), "failures");
  };
  CHECK(failures(drift::FailOn::kNever) == "0");
  CHECK(failures(drift::FailOn::kPolicy) == "1");    // meta breaks a rule
  CHECK(failures(drift::FailOn::kHigh) == "2");      // pinterest critical, meta high
  CHECK(failures(drift::FailOn::kCritical) == "2");  // pinterest, and meta by its violation
  report.findings[0].status = drift::Status::kApproved;
  CHECK(failures(drift::FailOn::kCritical) == "1");  // approving accepts a tag's severity
}

TEST_CASE("junit_report: hostile strings in every field still parse, replaced where needed") {
  auto report = testing::hostile_report();
  report.fail_on = drift::FailOn::kHigh;
  std::string xml = junit(report);
  INFO(xml);
  XmlDoc doc = parse(xml);
  REQUIRE(doc);
  xmlNode* suite = xmlDocGetRootElement(doc.get());
  auto cases = children(suite, "testcase");
  REQUIRE(cases.size() == 9);  // 5 findings, then 4 pages that all failed
  std::string expected = report::printable(testing::kHostile, true);
  CHECK(attribute(cases[0], "name") == expected);
  CHECK(attribute(cases[0], "classname") == "tagdrift." + expected);
  auto failures = children(cases[0], "failure");
  REQUIRE(failures.size() == 1);
  std::unique_ptr<xmlChar, decltype(xmlFree)> body(xmlNodeGetContent(failures[0]), xmlFree);
  std::string text = reinterpret_cast<const char*>(body.get());
  CHECK(text.find("key: " + expected + "\n") != std::string::npos);
}

TEST_CASE("junit_report: an empty report is an empty suite") {
  XmlDoc doc = parse(junit(drift::Report{}));
  REQUIRE(doc);
  xmlNode* suite = xmlDocGetRootElement(doc.get());
  CHECK(attribute(suite, "tests") == "0");
  CHECK(children(suite, "testcase").empty());
}

TEST_CASE("junit_report: query variants of a path are one page line, naming the variants") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  meta.pages = {testing::make_finding_page("/appointments/"),
                testing::make_finding_page("/appointments/?service=ivf"),
                testing::make_finding_page("/contact/")};
  const std::string xml = junit(report);
  INFO(xml);
  REQUIRE(parse(xml) != nullptr);
  CHECK(xml.find("page: https://www.clinic.test/appointments/ (query variants: "
                 "https://www.clinic.test/appointments/?service=ivf)&#10;page: "
                 "https://www.clinic.test/contact/&#10;") != std::string::npos);
}

TEST_CASE("junit_report: a failing tag from a container names it in the failure text") {
  auto report = testing::sample_report();
  report.findings[0].pages[0].container =
      storage::ContainerOriginRecord{"GTM-AB12CD", "42", 30, "__pntr", "All Pages", "literal"};
  const std::string xml = junit(report);
  INFO(xml);
  REQUIRE(parse(xml) != nullptr);
  CHECK(xml.find("&#10;container: GTM-AB12CD v42, tag 30 __pntr, fires on All Pages, ID written "
                 "in the tag&#10;") != std::string::npos);
}
