#include "browser/message_framing.h"

#include <catch2/catch.hpp>
#include <string>

using tagdrift::browser::MessageFraming;

TEST_CASE("message framing: messages end at NUL, whatever way the bytes arrive") {
  MessageFraming framing(100);
  framing.append(std::string("{\"id\":1}\0{\"id\"", 14));
  CHECK(framing.next() == "{\"id\":1}");
  CHECK_FALSE(framing.next().has_value());
  framing.append(std::string(":2}\0\0", 5));
  CHECK(framing.next() == "{\"id\":2}");
  CHECK(framing.next() == "");
  CHECK_FALSE(framing.next().has_value());
  CHECK_FALSE(framing.over_budget());
}

TEST_CASE("message framing: a message that outgrows the budget without its NUL is over budget") {
  MessageFraming framing(8);
  framing.append("12345678");
  CHECK_FALSE(framing.over_budget());
  framing.append("9");
  CHECK(framing.over_budget());
}
