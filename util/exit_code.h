// Exit codes of the tagdrift command. They are API: documented in the README and never renumbered.
#pragma once

namespace tagdrift {

enum class ExitCode : int {
  kOk = 0,            // the command did what was asked; nothing to fail on
  kFindings = 1,      // findings met the --fail-on threshold the user asked for
  kUsage = 2,         // bad flag, bad configuration, signature, policy or database file
  kTargetFailed = 3,  // a target could not be scanned at all (unreachable, not HTML, empty)
};

}  // namespace tagdrift
