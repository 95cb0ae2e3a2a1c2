#include "browser/spki_hashes.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::browser::spki_hashes;

namespace {

const std::string kCert = std::string(TAGDRIFT_FIXTURES_DIR) + "/tls/cert.pem";
// openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der |
//   openssl dgst -sha256 -binary | base64
const std::string kHash = "T70nStmAMAnjPTObf3CylMe9kuGmVWZHrZcd0cQ2xjM=";

}  // namespace

TEST_CASE("spki hashes: the SHA-256 of each certificate's public key, as openssl computes it") {
  CHECK(spki_hashes(kCert) == std::vector<std::string>{kHash});
  tagdrift::testing::TempDir dir;
  const auto pem = tagdrift::testing::read_file(kCert);
  const auto bundle = dir.write("bundle.pem", "# a bundle\n" + pem + "\n" + pem);
  CHECK(spki_hashes(bundle) == std::vector<std::string>{kHash, kHash});
}

TEST_CASE("spki hashes: a missing bundle or one without certificates is a usage error") {
  tagdrift::testing::TempDir dir;
  const auto empty = dir.write("empty.pem", "not a certificate\n");
  for (const auto& path : {dir.path() / "missing.pem", empty}) {
    try {
      spki_hashes(path);
      FAIL("no error for " << path);
    } catch (const tagdrift::Error& error) {
      CHECK(error.code() == tagdrift::ExitCode::kUsage);
      CHECK(std::string(error.what()).find(path.string()) != std::string::npos);
    }
  }
}
