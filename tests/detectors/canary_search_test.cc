// A request carrying a canary is found in every form trackers send it (plain, URL-encoded,
// base64 at any offset, lower-cased, SHA-256/SHA-1/MD5 hex in either case), in the URL or the
// body; random text and other visits' canaries are not.
#include "detectors/canary_search.h"

#include <catch2/catch.hpp>
#include <random>

#include "util/ascii.h"
#include "util/base64.h"
#include "util/hex_digest.h"
#include "util/sha256.h"

namespace tagdrift::detectors {
namespace {

FormCanaries fixed() {
  FormCanaries canaries;
  canaries.values = {"TdQ7xK2pL9mZ4a@example.com", "+1 555 382 9174", "Zqovtrex Kamplixo",
                     "1987-03-14", "Canary note Hq4Rt8Wz2Lp6Nc for the clinic"};
  return canaries;
}

const CanarySearch& search() {
  static const CanarySearch instance(fixed());
  return instance;
}

// The kinds and encodings found in `url` (body empty) as "kind/encoding" strings.
std::vector<std::string> found(std::string_view url, std::string_view body = "") {
  std::vector<std::string> out;
  for (const CanaryHit& hit : search().search(url, body)) {
    out.push_back(std::string(field_kind_name(hit.kind)) + "/" + hit.encoding);
  }
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return text;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST_CASE("canary search: each encoding of the e-mail canary is found") {
  const std::string email = fixed().of(FieldKind::kEmail);
  const std::string lower = ascii_lowercase(email);
  CHECK(has(found("https://t.test/c?e=" + email), "email/plain"));
  CHECK(has(found("https://t.test/c?e=TdQ7xK2pL9mZ4a%40example.com"), "email/url"));
  CHECK(has(found("https://t.test/c?e=tdq7xk2pl9mz4a%40example.com"), "email/url"));
  CHECK(has(found("https://t.test/c?e=" + lower), "email/plain"));
  CHECK(has(found("https://t.test/c?d=" + base64_encode(email)), "email/base64"));
  CHECK(has(found("https://t.test/c?em=" + sha256_hex(lower)), "email/sha256"));
  CHECK(has(found("https://t.test/c?em=" + upper(sha256_hex(lower))), "email/sha256"));
  CHECK(has(found("https://t.test/c?em=" + hex_digest(DigestKind::kSha1, lower)), "email/sha1"));
  CHECK(has(found("https://t.test/c?em=" + hex_digest(DigestKind::kMd5, email)), "email/md5"));
}

TEST_CASE("canary search: base64 is found at any offset of a longer encoded text") {
  const std::string email = fixed().of(FieldKind::kEmail);
  for (const char* prefix : {"", "{", "{\"", "{\"e\":\"", "ab", "abcd"}) {
    INFO(prefix);
    std::string encoded = base64_encode(std::string(prefix) + email + "\",\"x\":1}");
    CHECK(has(found("https://t.test/track?data=" + encoded), "email/base64"));
    std::replace(encoded.begin(), encoded.end(), '+', '-');
    std::replace(encoded.begin(), encoded.end(), '/', '_');
    CHECK(has(found("https://t.test/track?data=" + encoded), "email/base64"));
  }
}

TEST_CASE("canary search: phone, name, date of birth and free text in their normal forms") {
  CHECK(has(found("https://t.test/?ph=" + sha256_hex("15553829174")), "phone/sha256"));
  CHECK(has(found("https://t.test/?ph=%2B1%20555%20382%209174"), "phone/url"));
  CHECK(has(found("https://t.test/?ph=%2B1+555+382+9174"), "phone/form"));
  CHECK(has(found("https://t.test/?fn=" + sha256_hex("zqovtrex")), "name/sha256"));
  CHECK(has(found("https://t.test/?ln=Kamplixo"), "name/plain"));
  CHECK(has(found("https://t.test/?db=" + sha256_hex("19870314")), "date-of-birth/sha256"));
  CHECK(has(found("https://t.test/", "{\"dob\":\"1987-03-14\"}"), "date-of-birth/plain"));
  CHECK(has(found("https://t.test/", "msg=canary+note+hq4rt8wz2lp6nc+for+the+clinic"),
            "free-text/form"));
}

TEST_CASE("canary search: the body is searched as well as the URL; kinds come once each") {
  const std::string phone = sha256_hex("15553829174");
  std::vector<CanaryHit> hits =
      search().search("https://t.test/?em=" + sha256_hex("tdq7xk2pl9mz4a@example.com"),
                      "ph=" + phone + "&fn=zqovtrex");
  CHECK(carried_kinds(hits) ==
        std::vector<FieldKind>{FieldKind::kEmail, FieldKind::kPhone, FieldKind::kName});
}

TEST_CASE("canary search: random text and another visit's canaries are no hit") {
  std::mt19937_64 random(1234);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string noise;
  for (int i = 0; i < 200000; ++i) noise += static_cast<char>(byte(random));
  std::string hex;
  for (int i = 0; i < 2000; ++i) hex += sha256_hex(std::to_string(i));
  std::string text = base64_encode(noise);
  CHECK(search().search("https://t.test/?x=" + text, noise + hex).empty());
  FormCanaries other = make_form_canaries(99);
  std::string sent;
  for (const std::string& value : other.values) {
    if (value != fixed().of(FieldKind::kDateOfBirth)) sent += sha256_hex(value) + value + "&";
  }
  CHECK(search().search("https://t.test/?" + sent, sent).empty());
}

TEST_CASE("canary search: only the first max_bytes of the URL and body are read") {
  CanarySearch small(fixed(), 100);
  const std::string email = fixed().of(FieldKind::kEmail);
  CHECK_FALSE(small.search("https://t.test/?pad=" + std::string(200, 'a') + email, "").size());
  CHECK(small.search("https://t.test/?e=" + email, "").size() == 1);
  CHECK(small.form_count() == search().form_count());
  CHECK(search().form_count() > 50);
}

}  // namespace
}  // namespace tagdrift::detectors
