// Fuzzes the GTM container decoder and what reads its result: the signatures' container
// templates and the places of Custom HTML and Custom Image tags. The decoder must end in tags or
// an error, within its limits, whatever the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detectors/container_tags.h"
#include "detectors/gtm_container.h"
#include "detectors/signature_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::detectors;
  static const SignatureSet signatures;
  static const ContainerTemplates templates(signatures.signatures(), signatures.matcher());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  GtmLimits small;  // tight limits reach their edges with small inputs
  small.max_depth = 8;
  small.max_values = 4;
  small.max_steps = 64;
  small.max_chain = 3;
  for (const GtmLimits& limits : {GtmLimits{}, small}) {
    GtmContainer container = decode_gtm_container(text, limits);
    if (!container.error.empty() && !container.tags.empty()) __builtin_trap();
    templates.match(container);
    for (const GtmTag& tag : container.tags) {
      for (const GtmField& field : tag.fields) {
        if (field.values.size() > limits.max_values) __builtin_trap();
      }
      container_tag_places(tag, "https://www.clinic.test/");
    }
  }
  return 0;
}
