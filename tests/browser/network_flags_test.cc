#include "browser/network_flags.h"

#include <catch2/catch.hpp>

#include "util/error.h"

using tagdrift::browser::cookie_pairs;
using tagdrift::browser::header_map;
using tagdrift::browser::host_resolver_rules;

TEST_CASE("network flags: --resolve and --connect-to become host resolver rules") {
  CHECK(host_resolver_rules({"ct.pinterest.com:443:127.0.0.1", "v6.test:80:[::1]"}, {}) ==
        std::vector<std::string>{"MAP ct.pinterest.com:443 127.0.0.1:443",
                                 "MAP v6.test:80 [::1]:80"});
  CHECK(host_resolver_rules(
            {}, {"www.clinic.test:443:127.0.0.1:8443", ":80:127.0.0.1:8080", "a.test::b.test:"}) ==
        std::vector<std::string>{"MAP www.clinic.test:443 127.0.0.1:8443",
                                 "MAP *:80 127.0.0.1:8080", "MAP a.test b.test"});
}

TEST_CASE("network flags: malformed flags are usage errors naming the flag") {
  for (const auto& resolve : {"nohost", "a.test:http:127.0.0.1", "a.test:443:", ":443:1.2.3.4"})
    CHECK_THROWS_AS(host_resolver_rules({resolve}, {}), tagdrift::Error);
  for (const auto& connect : {"a:1:b", "a:99999:b:1", "a:1::", "a:1:b:x"}) {
    INFO(connect);
    CHECK_THROWS_AS(host_resolver_rules({}, {connect}), tagdrift::Error);
  }
  try {
    host_resolver_rules({"bad"}, {});
  } catch (const tagdrift::Error& error) {
    CHECK(error.code() == tagdrift::ExitCode::kUsage);
    CHECK(std::string(error.what()) == "--resolve wants HOST:PORT:ADDRESS: bad");
  }
}

TEST_CASE("network flags: headers and cookies as DevTools takes them") {
  CHECK(header_map({"X-Staging: yes", "Accept-Language:de"}) ==
        std::map<std::string, std::string>{{"X-Staging", "yes"}, {"Accept-Language", "de"}});
  CHECK_THROWS_AS(header_map({"no colon"}), tagdrift::Error);
  CHECK_THROWS_AS(header_map({": empty name"}), tagdrift::Error);
  CHECK(cookie_pairs({"a=1; b = 2;", "c="}) ==
        std::vector<std::pair<std::string, std::string>>{{"a", "1"}, {"b", "2"}, {"c", ""}});
  CHECK_THROWS_AS(cookie_pairs({"novalue"}), tagdrift::Error);
  CHECK_THROWS_AS(cookie_pairs({"=1"}), tagdrift::Error);
}
