// Fuzzes a signature file from --signatures: TOML parsing, the field checks, compiling the
// patterns into the RE2 sets (with a small memory budget) and the examples a set is built from.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "detectors/signature_file.h"
#include "detectors/signature_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::detectors;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> errors;
  parse_signature_file("fuzz.toml", text, errors);

  std::vector<SignatureSource> sources{{"fuzz.toml", text, true}};
  errors.clear();
  SignatureSet set(std::move(sources), 8u << 20, errors);
  set.summaries();
  return 0;
}
