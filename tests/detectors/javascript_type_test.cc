#include "detectors/javascript_type.h"

#include <catch2/catch.hpp>

using tagdrift::detectors::is_data_block_type;
using tagdrift::detectors::is_javascript_type;

TEST_CASE("javascript_type: absent, module and JavaScript MIME types run") {
  for (const char* type :
       {"", "  ", "module", "text/javascript", "TEXT/JavaScript ", "application/javascript",
        "application/x-javascript", "text/ecmascript", "text/javascript1.5"}) {
    INFO(type);
    CHECK(is_javascript_type(type));
  }
}

TEST_CASE("javascript_type: data blocks, templates and parameters do not run") {
  for (const char* type : {"application/ld+json", "text/template", "text/x-handlebars-template",
                           "importmap", "text/plain", "text/babel", "speculationrules",
                           "text/javascript; charset=utf-8", "didomi/javascript"}) {
    INFO(type);
    CHECK_FALSE(is_javascript_type(type));
  }
}

TEST_CASE("javascript_type: data blocks are told apart from held-back code") {
  CHECK(is_data_block_type("application/ld+json"));
  CHECK(is_data_block_type("importmap"));
  CHECK(is_data_block_type("text/x-handlebars-template"));
  CHECK(is_data_block_type("text/template"));
  CHECK_FALSE(is_data_block_type("text/plain"));
  CHECK_FALSE(is_data_block_type("text/x-javascript-deferred"));
  CHECK_FALSE(is_data_block_type("didomi/javascript"));
}
