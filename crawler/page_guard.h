// Runs the work of one page (parse, detect) off the loop and sorts what it throws: what the page's
// content can cause becomes that page's error; an Error, whose exit code is API, or running out of
// memory is kept, for the crawl thread to rethrow so that it ends the command.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "util/error.h"

namespace tagdrift::crawler {

template <typename Work>
void guard_page_work(Work&& work, std::string& error, std::exception_ptr& fatal) {
  try {
    work();
  } catch (const Error&) {
    fatal = std::current_exception();
  } catch (const std::bad_alloc&) {
    fatal = std::current_exception();
  } catch (const std::exception& e) {
    error = e.what();
  }
}

}  // namespace tagdrift::crawler
