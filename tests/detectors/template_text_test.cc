#include "detectors/template_text.h"

#include <catch2/catch.hpp>
#include <ctime>
#include <string>

#include "tests/support/timing.h"

namespace td = tagdrift::detectors;

using tagdrift::testing::kSlowdown;
namespace {
std::string body(const std::string& source, const td::TemplateComment& comment) {
  return source.substr(comment.begin, comment.end - comment.begin);
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \n\r") == std::string_view::npos;
}
}  // namespace

TEST_CASE("template_text: only sources with a template opener look like templates") {
  CHECK(td::looks_like_template("<?php wp_head(); ?>"));
  CHECK(td::looks_like_template("{{ page.title }}"));
  CHECK(td::looks_like_template("{% if x %}"));
  CHECK(td::looks_like_template("<%-- x --%>"));
  CHECK(td::looks_like_template("@if($x)"));
  CHECK_FALSE(td::looks_like_template("<html><script>a = {b: {c: 1}};</script></html>"));
}

TEST_CASE("template_text: a PHP block outside scripts is blanked, keeping length and lines") {
  std::string source =
      "<head>\n<?php if ($a > 1): ?>\n<script src=\"x.js\"></script>\r\n"
      "<?php endif;\n?></head>";
  td::TemplateText text = td::mask_template_syntax(source);
  REQUIRE(text.html.size() == source.size());
  CHECK(text.html ==
        "<head>\n                     \n<script src=\"x.js\"></script>\r\n"
        "            \n  </head>");
  CHECK(text.comments.empty());
}

TEST_CASE("template_text: PHP in a script body and in a quoted attribute stays as text") {
  std::string source =
      "<script>fbq('init', '<?php echo $id ?>');</script>"
      "<img src=\"<?= $dir ?>/a.png\" alt='<?php echo \"x\" ?>'><div <?php body_class(); ?>>";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html.find("fbq('init', '<?php echo $id ?>')") != std::string::npos);
  CHECK(text.html.find("src=\"<?= $dir ?>/a.png\"") != std::string::npos);
  CHECK(text.html.find("alt='<?php echo \"x\" ?>'") != std::string::npos);
  CHECK(text.html.find("body_class") == std::string::npos);  // unquoted: masked
}

TEST_CASE("template_text: a PHP block holding the attribute's quote is masked") {
  std::string source = "<img src=\"<?php echo get_field(\"logo\"); ?>\">";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html.find("get_field") == std::string::npos);
}

TEST_CASE("template_text: '?>' inside a PHP string or block comment does not end PHP") {
  std::string source = "<?php $s = '?>'; /* ?> */ echo \"a\\\"?>\"; ?><p>after</p>";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html.find("<p>after</p>") == source.find("<p>after</p>"));
  CHECK(blank(text.html.substr(0, source.find("<p>"))));
}

TEST_CASE("template_text: an unterminated PHP block runs to the end of the file") {
  std::string source = "<p>a</p><?php\n echo '<script>x</script>';\n";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html.substr(0, 8) == "<p>a</p>");
  CHECK(blank(text.html.substr(8)));
}

TEST_CASE("template_text: <?xml is not PHP") {
  std::string source = "<?xml version=\"1.0\"?><html></html>";
  CHECK(td::mask_template_syntax(source).html == source);
}

TEST_CASE("template_text: PHP comments with markup are set aside, line by line") {
  std::string source =
      "<?php\n/*\n<script src=\"//x/a.js\"></script>\n*/\n// <img src=\"//x/p.gif\">\n"
      "# no markup here\n?>\n<?php /* ?><script>old()</script><?php */ ?>";
  td::TemplateText text = td::mask_template_syntax(source);
  REQUIRE(text.comments.size() == 3);
  CHECK(body(source, text.comments[0]) == "\n<script src=\"//x/a.js\"></script>\n");
  CHECK(text.comments[0].line == 2);
  CHECK(body(source, text.comments[1]) == " <img src=\"//x/p.gif\">");
  CHECK(text.comments[1].line == 5);
  CHECK(body(source, text.comments[2]) == " ?><script>old()</script><?php ");
  CHECK(text.comments[2].line == 8);
  CHECK(blank(text.html));
}

TEST_CASE("template_text: each template comment syntax is masked and set aside") {
  for (const char* source :
       {"{{-- <script src=x></script> --}}", "{{!-- <script src=x></script> --}}",
        "{{! <script src=x></script> }}", "{% comment %}<script src=x></script>{% endcomment %}",
        "{%- comment -%}<script src=x></script>{%- endcomment -%}", "{# <script src=x></script> #}",
        "<%-- <script src=x></script> --%>", "<%# <script src=x></script> %>",
        "@* <script src=x></script> *@"}) {
    INFO(source);
    td::TemplateText text = td::mask_template_syntax(source);
    CHECK(blank(text.html));
    REQUIRE(text.comments.size() == 1);
    std::string inside = body(source, text.comments[0]);
    CHECK(inside.find("<script src=x></script>") != std::string::npos);
    CHECK(inside.find("comment") == std::string::npos);
  }
}

TEST_CASE("template_text: a Blade comment holding {{ }} ends at the first --}}") {
  std::string source = "{{-- <flash message=\"{{ session('f') }}\"></flash>--}}<b>live</b>";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html.substr(text.html.size() - 11) == "<b>live</b>");
  REQUIRE(text.comments.size() == 1);
}

TEST_CASE("template_text: template syntax in script bodies and HTML comments is left alone") {
  std::string source =
      "<script>var t = '{{-- not a comment here --}}'; {#priv = 1}</script>"
      "<!-- {{-- <script src=x></script> --}} -->";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html == source);
  CHECK(text.comments.empty());
}

TEST_CASE("template_text: comment syntax without markup is masked but not set aside") {
  td::TemplateText text = td::mask_template_syntax("{{-- just a note --}}<p>x</p>");
  CHECK(text.comments.empty());
  CHECK(blank(text.html.substr(0, 21)));
}

TEST_CASE("template_text: unclosed openers leave the text as it is") {
  std::string source = "{{-- open <script src=x></script> {% comment %} <?xml <%-- @*";
  td::TemplateText text = td::mask_template_syntax(source);
  CHECK(text.html == source);
}

TEST_CASE("template_text: adversarial openers without closers stay linear") {
  std::string source;
  for (int i = 0; i < 200000; ++i) source += "{{--{% comment %}{{!{#<%--<%#@*<a b=\"{{--\">";
  // Processor time, so that a busy machine does not fail the test.
  const std::clock_t start = std::clock();
  td::TemplateText text = td::mask_template_syntax(source);
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  CHECK(text.html.size() == source.size());
  CHECK(seconds < 2.0 * kSlowdown);
}
