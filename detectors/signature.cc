#include "detectors/signature.h"

#include <array>
#include <utility>

namespace tagdrift::detectors {
namespace {

constexpr std::array<std::pair<Category, const char*>, 9> kCategoryNames = {{
    {Category::kAdvertising, "advertising"},
    {Category::kAnalytics, "analytics"},
    {Category::kSessionReplay, "session-replay"},
    {Category::kTagManager, "tag-manager"},
    {Category::kMarketingAutomation, "marketing-automation"},
    {Category::kChat, "chat"},
    {Category::kCdp, "cdp"},
    {Category::kConsent, "consent"},
    {Category::kOther, "other"},
}};

constexpr std::array<PlaceKind, 11> kAllKinds = {
    PlaceKind::kScriptSrc,      PlaceKind::kScriptInline, PlaceKind::kNoscriptImg,
    PlaceKind::kNoscriptIframe, PlaceKind::kImg,          PlaceKind::kIframe,
    PlaceKind::kLink,           PlaceKind::kMeta,         PlaceKind::kDataAttribute,
    PlaceKind::kExternalJs,     PlaceKind::kNetwork,
};

}  // namespace

const char* category_name(Category category) {
  for (const auto& [value, name] : kCategoryNames) {
    if (value == category) return name;
  }
  return "other";
}

std::optional<Category> parse_category(std::string_view name) {
  for (const auto& [value, spelling] : kCategoryNames) {
    if (name == spelling) return value;
  }
  return std::nullopt;
}

std::vector<PlaceKind> parse_place_names(std::string_view name) {
  if (name == "inline") return {PlaceKind::kScriptInline};
  if (name == "noscript") return {PlaceKind::kNoscriptImg, PlaceKind::kNoscriptIframe};
  for (PlaceKind kind : kAllKinds) {
    if (name == place_kind_name(kind)) return {kind};
  }
  return {};
}

}  // namespace tagdrift::detectors
