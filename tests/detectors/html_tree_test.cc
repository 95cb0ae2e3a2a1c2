#include "detectors/html_tree.h"

#include <catch2/catch.hpp>
#include <string>

namespace td = tagdrift::detectors;

namespace {
const GumboElement& first_element(const GumboNode* node, GumboTag tag) {
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag) return n->v.element;
    if (n->type == GUMBO_NODE_ELEMENT) {
      for (unsigned i = 0; i < n->v.element.children.length; ++i) {
        stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
      }
    }
  }
  FAIL("no such element");
  throw 0;
}
}  // namespace

TEST_CASE("html_tree: attributes and class prefixes are read from the element") {
  std::string html = R"(<div class=" a  optanon-category-C0002 b" data-x="1">)";
  td::GumboOutputPtr out = td::parse_html(html);
  const GumboElement& div = first_element(out->root, GUMBO_TAG_DIV);
  CHECK(std::string(td::attribute_value(div, "data-x")) == "1");
  CHECK(td::attribute_value(div, "data-y") == nullptr);
  CHECK(td::has_class_prefix(div, "optanon-category-"));
  CHECK(td::has_class_prefix(div, "b"));
  CHECK_FALSE(td::has_class_prefix(div, "category"));
}

TEST_CASE("html_tree: line breaks count CRLF, CR and LF once each") {
  CHECK(td::count_line_breaks("") == 0);
  CHECK(td::count_line_breaks("a\nb\r\nc\rd") == 3);
  CHECK(td::count_line_breaks("\r\n\r\n") == 2);
  CHECK(td::count_line_breaks("\n\r") == 2);
}

TEST_CASE("html_tree: markup means a '<' followed by a letter") {
  CHECK(td::has_markup("x <script>"));
  CHECK(td::has_markup("<a"));
  CHECK_FALSE(td::has_markup("a < b and c<1 and &lt;script&gt;"));
  CHECK_FALSE(td::has_markup("trailing <"));
}

TEST_CASE("html_tree: 100,000 nested elements parse in linear time and free without trouble") {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<span>";
  td::GumboOutputPtr out = td::parse_html(html);
  REQUIRE(out != nullptr);
  CHECK(out->errors.length == 0);
}
