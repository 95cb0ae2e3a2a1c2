#include "drift/interned.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using tagdrift::drift::NamesHash;
using tagdrift::drift::NamesPool;
using tagdrift::drift::SharedNames;
using tagdrift::drift::SharedText;
using tagdrift::drift::TextPool;
using Names = std::vector<std::string>;

TEST_CASE("interned: equal values from one pool share one copy") {
  TextPool pool;
  std::string evidence = "<script>fbq('init', '111')</script>";
  SharedText a = pool.intern(evidence);
  SharedText b = pool.intern(std::string(evidence));
  SharedText c = pool.intern(std::string("other"));
  CHECK(&*a == &*b);
  CHECK(&*a != &*c);
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(pool.size() == 2);
}

TEST_CASE("interned: an empty value is never pooled and equals the default") {
  NamesPool pool;
  SharedNames none = pool.intern(Names{});
  CHECK(pool.size() == 0);
  CHECK(none.empty());
  CHECK(none == SharedNames());
  CHECK(none == Names{});
  CHECK(none->empty());
  CHECK(SharedText(std::string()).empty());
}

TEST_CASE("interned: a value outlives its pool") {
  SharedNames kept;
  {
    NamesPool pool;
    kept = pool.intern(Names{"script-inline", "noscript-img"});
  }
  CHECK(kept == Names{"script-inline", "noscript-img"});
  CHECK(kept->size() == 2);
}

TEST_CASE("interned: a value built by hand compares by value with a pooled one") {
  TextPool pool;
  SharedText pooled = pool.intern(std::string("https://www.clinic.test/ivf/"));
  SharedText by_hand = std::string("https://www.clinic.test/ivf/");
  CHECK(pooled == by_hand);
  CHECK(by_hand == std::string("https://www.clinic.test/ivf/"));
  CHECK(*by_hand == "https://www.clinic.test/ivf/");
}

TEST_CASE("interned: a shared list reads like the list") {
  NamesPool pool;
  SharedNames names = pool.intern(Names{"Lead", "Purchase"});
  Names read(names.begin(), names.end());
  CHECK(read == Names{"Lead", "Purchase"});
  const Names& as_list = names;
  CHECK(as_list.front() == "Lead");
}

TEST_CASE("interned: lists in another order are other values") {
  NamesPool pool;
  SharedNames ab = pool.intern(Names{"a", "b"});
  SharedNames ba = pool.intern(Names{"b", "a"});
  CHECK_FALSE(ab == ba);
  CHECK(pool.size() == 2);
  CHECK(NamesHash()(Names{"a", "b"}) != NamesHash()(Names{"b", "a"}));
  CHECK(NamesHash()(Names{"ab"}) != NamesHash()(Names{"a", "b"}));
}
