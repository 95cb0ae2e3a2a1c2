// The values a GTM field can take, read statically: literals, ["template", ...] assembly, and
// variables (["macro", N]) followed through Constant, Lookup Table and RegEx Table variables.
// Whatever only exists at run time (dataLayer, cookies, custom JavaScript) is opaque, never
// guessed. Internal to detectors/gtm_container.cc.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detectors/gtm_container.h"

namespace tagdrift::detectors {

struct GtmResolution {
  std::vector<GtmValue> values;
  std::vector<std::size_t> settings;  // settings variables (__gas) the value stands for
  bool opaque = false;                // some value is only known at run time
};

class GtmResolver {
 public:
  // `macros` is the container's macro list; it must outlive the resolver.
  GtmResolver(const nlohmann::json& macros, const GtmLimits& limits);

  GtmResolution resolve(const nlohmann::json& value);

  // The fields of settings variable `index`, each value marked as read through it.
  std::vector<GtmField> settings_fields(std::size_t index);

 private:
  GtmResolution resolve_macro(std::size_t index);
  GtmResolution resolve_kind(const nlohmann::json& macro, std::size_t index);
  GtmResolution resolve_table(const nlohmann::json& macro, std::size_t index, bool regex);
  GtmResolution resolve_template(const nlohmann::json& parts);
  void merge(GtmResolution& into, GtmResolution from, std::string_view through) const;
  // Counts `bytes` of value text against the container's budget; false once it is spent.
  bool spend(std::size_t bytes);

  const nlohmann::json& macros_;
  GtmLimits limits_;
  std::size_t steps_ = 0;
  std::size_t chain_ = 0;
  std::size_t text_bytes_ = 0;
  std::unordered_map<std::size_t, GtmResolution> done_;
  std::unordered_map<std::size_t, bool> in_progress_;
};

}  // namespace tagdrift::detectors
