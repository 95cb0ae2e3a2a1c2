// Canonical tag IDs and placeholder detection (detectors/canonical_id.cc).
#include "detectors/canonical_id.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

namespace tagdrift::detectors {
namespace {

TEST_CASE("canonical id: Google Ads IDs gain the AW- prefix, whatever the source") {
  RE2 format(R"(^AW-\d{6,12}$)");
  IdRules rules{"AW-", true, &format};
  CHECK(canonical_id("809204708", rules).id == "AW-809204708");
  CHECK(canonical_id("AW-809204708", rules).id == "AW-809204708");
  CHECK(canonical_id("aw-809204708", rules).id == "AW-809204708");
  CHECK(canonical_id(" '809204708' ", rules).id == "AW-809204708");
}

TEST_CASE("canonical id: GA4 and GTM IDs are upper-cased") {
  RE2 ga(R"(^(?:G-[A-Z0-9]{4,14}|UA-\d{4,10}-\d{1,4})$)");
  CHECK(canonical_id("g-4n10p09trq", {"", true, &ga}).id == "G-4N10P09TRQ");
  CHECK(canonical_id("UA-30603505-1", {"", true, &ga}).id == "UA-30603505-1");
  RE2 gtm(R"(^GTM-[A-Z0-9]{4,12}$)");
  CHECK(canonical_id("gtm-5ww98d", {"", true, &gtm}).id == "GTM-5WW98D");
}

TEST_CASE("canonical id: URL-encoded captures are decoded before the checks") {
  RE2 digits(R"(^\d+$)");
  CHECK(canonical_id("2614228273575%20", {"", false, &digits}).id == "2614228273575");
  CHECK(canonical_id("%7B%7B%20id%20%7D%7D", {"", false, &digits}).status ==
        IdStatus::kPlaceholder);
}

TEST_CASE("canonical id: template variables and sample values are placeholders") {
  for (const char* id :
       {"{{ id }}", "{{site.google_id}}", "<?php echo $id; ?>", "$pixel_id", "XXXXXXX", "GTM-XXXX",
        "GTM-xxxxxxxxxx", "UA-XXXXX-Y", "G-XXXXXXXXXX", "YOUR_PIXEL_ID", "INSERT_ID_HERE",
        "<%= pixel %>", "' + id + '", "", "123456789", "0000000", "{% pixel %}", "@pixelId"}) {
    INFO(id);
    CHECK(is_placeholder_id(id));
    CHECK(canonical_id(id, {}).status == IdStatus::kPlaceholder);
    CHECK(canonical_id(id, {}).id.empty());
  }
}

TEST_CASE("canonical id: real IDs are not placeholders") {
  for (const char* id :
       {"2614228273575", "GTM-5H2CNM", "AW-817881512", "G-84T7FKXW08", "UA-140994396-1",
        "CRF8I2BC77UD2MA14E3G", "1jqu0lkuy3suph", "3ce11a45-65aa-4d0b-a753-e3a9dc1febdc",
        "tk_5d18d5afd6104cd28cf7658e6aba2307"}) {
    INFO(id);
    CHECK_FALSE(is_placeholder_id(id));
  }
}

TEST_CASE("canonical id: a literal ID of another shape is foreign, not a placeholder") {
  RE2 ga(R"(^(?:G-[A-Z0-9]{4,14}|UA-\d{4,10}-\d{1,4})$)");
  CanonicalId id = canonical_id("AW-620935990", {"", true, &ga});
  CHECK(id.status == IdStatus::kForeign);
  CHECK(id.id.empty());
}

}  // namespace
}  // namespace tagdrift::detectors
