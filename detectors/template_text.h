// Server-side template source (PHP, Blade, Liquid, Handlebars, ...) made safe for an HTML parser:
// code that would fake comments is masked, template comments are set aside to read as commented.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

// A template comment whose body holds markup ("{{-- <script ...> --}}", "/* <img> */" in PHP).
struct TemplateComment {
  std::size_t begin = 0;  // byte offset of the body in the source
  std::size_t end = 0;    // one past its last byte
  unsigned line = 1;      // 1-based source line where the body starts
};

struct TemplateText {
  std::string html;  // the source with template code and comments masked: same length and lines
  std::vector<TemplateComment> comments;  // in source order
};

// True when `source` has any template opener ("<?", "{{", "{%", "{#", "<%", "@*", "@if"): only
// then is masking worth its copy.
bool looks_like_template(std::string_view source);

// Masks, in linear time, by overwriting with spaces (line breaks kept, so offsets and line
// numbers stay right): PHP blocks (<?php, <?=, <? ) outside script bodies and outside quoted
// attribute values (there they are kept as text unless they hold the quote character), and
// template comments (Blade {{-- --}}, Handlebars {{!-- --}} and {{! }}, Liquid/Jinja
// {% comment %}...{% endcomment %}, Twig/Jinja {# #}, JSP <%-- --%>, ERB <%# %>, Razor @* *@)
// outside script bodies. Script bodies stay as written. Comments with markup, and PHP /* */,
// // and # comments with markup, are listed in `comments`.
TemplateText mask_template_syntax(std::string_view source);

}  // namespace tagdrift::detectors
