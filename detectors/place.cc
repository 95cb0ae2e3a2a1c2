#include "detectors/place.h"

namespace tagdrift::detectors {

const char* place_kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kScriptSrc:
      return "script-src";
    case PlaceKind::kScriptInline:
      return "script-inline";
    case PlaceKind::kNoscriptImg:
      return "noscript-img";
    case PlaceKind::kNoscriptIframe:
      return "noscript-iframe";
    case PlaceKind::kImg:
      return "img";
    case PlaceKind::kIframe:
      return "iframe";
    case PlaceKind::kLink:
      return "link";
    case PlaceKind::kMeta:
      return "meta";
    case PlaceKind::kDataAttribute:
      return "data-attribute";
    case PlaceKind::kExternalJs:
      return "external-js";
    case PlaceKind::kNetwork:
      return "network";
  }
  return "unknown";
}

}  // namespace tagdrift::detectors
