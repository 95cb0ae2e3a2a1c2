// A page's Gumbo parse tree, owned: parsed once and shared by every extraction of that page.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string_view>

namespace tagdrift::scan {

class HtmlDocument {
 public:
  explicit HtmlDocument(std::string_view html);
  const GumboNode* root() const { return output_->root; }

 private:
  struct Deleter {
    void operator()(GumboOutput* output) const;
  };
  std::unique_ptr<GumboOutput, Deleter> output_;
};

}  // namespace tagdrift::scan
