// The program's version, set by CMake from the project() version.
#pragma once

namespace tagdrift {

const char* version();

}  // namespace tagdrift
