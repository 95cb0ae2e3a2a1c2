#include "drift/health_words.h"

#include <catch2/catch.hpp>

using tagdrift::drift::health_term_in;
using tagdrift::drift::name_words;
using Words = std::vector<std::string>;

TEST_CASE("health words: names split at punctuation, spaces and camelCase humps") {
  CHECK(name_words("bookIVF_Consult-2") == Words{"book", "ivf", "consult", "2"});
  CHECK(name_words("fertilityConsultation") == Words{"fertility", "consultation"});
  CHECK(name_words("  Complete Registration ") == Words{"complete", "registration"});
  CHECK(name_words("").empty());
}

TEST_CASE("health words: built-in health words and stems are found") {
  CHECK(health_term_in("fertility_consultation", {}) == "fertility");
  CHECK(health_term_in("IVF Lead", {}) == "ivf");
  CHECK(health_term_in("cancerScreeningBooked", {}) == "cancer");
  CHECK(health_term_in("therapy-intake", {}) == "therapy");
  CHECK(health_term_in("semaglutide_checkout", {}) == "semaglutide");
}

TEST_CASE("health words: ordinary conversion events carry no health terms") {
  for (const char* event :
       {"PageView", "Lead", "Purchase", "Schedule", "Contact", "CompleteRegistration",
        "book_appointment", "stdout_flush", "submit_form", "AddToCart"}) {
    CAPTURE(event);
    CHECK(health_term_in(event, {}).empty());
  }
}

TEST_CASE("health words: the page's own health terms count as whole words") {
  CHECK(health_term_in("egg_freezing_signup", {"egg freezing"}) == "egg freezing");
  CHECK(health_term_in("orthopedics lead", {"orthopedics"}) == "orthopedics");
  CHECK(health_term_in("freezing_offer", {"egg freezing"}).empty());
}

TEST_CASE("health words: generic page terms alone do not make an event health") {
  CHECK(health_term_in("book_appointment", {"appointment", "patient"}).empty());
  CHECK(health_term_in("book_appointment", {"appointment", "oncology"}).empty());
  CHECK(health_term_in("oncology_appointment", {"appointment", "oncology"}) == "oncology");
}
