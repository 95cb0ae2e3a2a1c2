#include "util/version.h"

namespace tagdrift {

const char* version() { return TAGDRIFT_VERSION; }

}  // namespace tagdrift
