// The signature files built into the binary: CMake turns every signatures/*.toml into byte arrays
// (signatures/embed_signatures.cmake), so one binary works anywhere.
#pragma once

#include <cstddef>

namespace tagdrift::detectors {

struct EmbeddedFile {
  const char* name;           // "pinterest.toml"
  const unsigned char* data;  // the file's bytes
  std::size_t size;
};

// Defined in the generated embedded_signatures.cc, sorted by name.
extern const EmbeddedFile kEmbeddedSignatureFiles[];
extern const std::size_t kEmbeddedSignatureFileCount;

}  // namespace tagdrift::detectors
