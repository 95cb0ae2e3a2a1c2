#include "drift/container_versions.h"

#include <catch2/catch.hpp>

using tagdrift::drift::container_versions;
using tagdrift::drift::version_changed;
using tagdrift::storage::ContainerRecord;

namespace {

const std::string kGtm = "https://www.googletagmanager.com/gtm.js?id=";

}  // namespace

TEST_CASE("container versions: each container with the version the previous scan read") {
  const std::vector<ContainerRecord> before = {{kGtm + "GTM-B", "GTM-B", "7"},
                                               {kGtm + "GTM-A", "GTM-A", "41"},
                                               {kGtm + "GTM-GONE", "GTM-GONE", "3"}};
  const std::vector<ContainerRecord> now = {{kGtm + "GTM-NEW", "GTM-NEW", "1"},
                                            {kGtm + "GTM-B", "GTM-B", "7"},
                                            {kGtm + "GTM-A", "GTM-A", "42"}};
  auto versions = container_versions(now, &before);
  REQUIRE(versions.size() == 3);               // a container no longer read is not listed
  CHECK(versions[0].container_id == "GTM-A");  // sorted by ID
  CHECK(versions[0].version == "42");
  CHECK(versions[0].previous_version == "41");
  CHECK(version_changed(versions[0]));
  CHECK(versions[1].container_id == "GTM-B");
  CHECK(versions[1].previous_version == "7");
  CHECK_FALSE(version_changed(versions[1]));
  CHECK(versions[2].container_id == "GTM-NEW");
  CHECK(versions[2].previous_version.empty());  // the previous scan did not read it
  CHECK_FALSE(version_changed(versions[2]));
}

TEST_CASE("container versions: the same ID at another URL is another container") {
  // An environment's URL (gtm_auth, gtm_preview) serves its own version of the same container.
  const std::vector<ContainerRecord> before = {{kGtm + "GTM-A", "GTM-A", "41"}};
  const std::vector<ContainerRecord> now = {
      {kGtm + "GTM-A&gtm_auth=x&gtm_preview=env-5", "GTM-A", "43"}};
  auto versions = container_versions(now, &before);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].previous_version.empty());
  CHECK(container_versions(now, nullptr)[0].previous_version.empty());  // no previous scan
}
