// Where a report goes: stdout, or a file written whole (via a temporary and a rename); warnings
// go to stderr.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace tagdrift::cli {

// Calls `write` with stdout or with a stream to a temporary beside `path`, renamed over `path`
// only once complete. A link is followed (the link stays); a device, FIFO or socket
// (`-o /dev/null`, `-o /dev/stderr`) is written in place, never replaced. Throws Error (exit 2)
// when the file cannot be written.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);

// Throws Error (exit 2) when write_output() could not create its temporary beside `path`; the
// check leaves nothing behind. Nothing to check for stdout.
void check_output_writable(const std::string& path);

// "tagdrift: warning: <what>" on stderr, for what does not stop the command.
void print_warning(const std::string& what);

// True when stdout is a terminal and NO_COLOR is not set.
bool stdout_wants_color();

}  // namespace tagdrift::cli
