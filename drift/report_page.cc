#include "drift/report_page.h"

namespace tagdrift::drift {

ReportPage report_page(const storage::PageRecord& page, TextPool& texts, NamesPool& names) {
  ReportPage out;
  out.url = texts.intern(page.url);
  out.final_url = texts.intern(page.final_url);
  out.status = page.status;
  out.depth = page.depth;
  out.found_by = texts.intern(page.found_by);
  out.error = texts.intern(page.error);
  out.skipped = texts.intern(page.skipped);
  out.health_context = page.health_context;
  out.reused = page.reused;
  out.file = texts.intern(page.file);
  out.health_terms = names.intern(page.health_terms);
  out.collects_pii = names.intern(page.collects_pii);
  return out;
}

ReportPage report_page(const storage::PageRecord& page) {
  TextPool texts;
  NamesPool names;
  return report_page(page, texts, names);
}

}  // namespace tagdrift::drift
