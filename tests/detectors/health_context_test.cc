#include "detectors/health_context.h"

#include <toml++/toml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "detectors/health_lexicon.h"
#include "detectors/health_text.h"
#include "detectors/html_tree.h"
#include "detectors/page_context.h"
#include "tests/support/temp_dir.h"
#include "util/error.h"

namespace td = tagdrift::detectors;
namespace fs = std::filesystem;

namespace {

td::PageContext analyse(const std::string& html, std::string_view url) {
  td::GumboOutputPtr out = td::parse_html(html);
  return td::analyse_page_context(out->root, url);
}

td::HealthVerdict judge_title(const std::string& title) {
  td::PageTexts texts;
  texts.title = title;
  return td::judge_health_context(texts, td::HealthLexicon::builtin());
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const tagdrift::Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("health text: punctuation, case and apostrophes read the same everywhere", "[health]") {
  CHECK(td::normalize_words("Mental-Health") == "mental health");
  CHECK(td::normalize_words("  /services/fertility_treatment/ ") == "services fertility treatment");
  CHECK(td::normalize_words("Crohn\xE2\x80\x99s disease \xE2\x80\x94 and Crohn's") ==
        "crohns disease and crohns");
  CHECK(td::normalize_words(std::string("Mental") + td::kTextBreak + "Health") == "mental|health");
  CHECK(td::normalize_words("firstName", true) == "first name");
  CHECK(td::normalize_words("firstName") == "firstname");
  CHECK(td::normalize_words("Caf\xC3\xA9\xC2\xA0IVF") == "caf\xC3\xA9 ivf");
}

TEST_CASE("health lexicon: the built-in lexicon has every category and kind", "[health]") {
  const td::HealthLexicon& lexicon = td::HealthLexicon::builtin();
  CHECK(lexicon.terms().size() > 500);
  for (const char* category :
       {"conditions", "procedures", "specialties", "medications", "mental-health",
        "reproductive-sexual-health", "substance-use", "oncology", "pharmacy", "telehealth",
        "care-intent", "general", "page-types"}) {
    CHECK(std::any_of(lexicon.terms().begin(), lexicon.terms().end(),
                      [&](const td::HealthTerm& term) { return term.category == category; }));
  }
  CHECK(&lexicon == &td::HealthLexicon::builtin());
}

TEST_CASE("health lexicon: terms match whole words, with an optional plural", "[health]") {
  const td::HealthLexicon& lexicon = td::HealthLexicon::builtin();
  auto found = [&](const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i : lexicon.find(td::normalize_words(text))) {
      out.push_back(lexicon.terms()[i].text);
    }
    return out;
  };
  CHECK(has(found("IVF"), "ivf"));
  CHECK(has(found("Strokes and stents"), "stroke"));
  CHECK(has(found("Strokes and stents"), "stent"));
  CHECK(found("Strokers").empty());
  CHECK(found("prediabetesx").empty());
  CHECK(has(found("Women's health"), "womens health"));
  CHECK(has(found("mental-health services"), "mental health"));
  CHECK_FALSE(has(found(std::string("mental") + td::kTextBreak + "health"), "mental health"));
  CHECK(found("meal prep and lithium batteries").empty());
}

TEST_CASE("health context: a strong term of every category in the title is enough", "[health]") {
  for (const auto& [title, term] : std::vector<std::pair<std::string, std::string>>{
           {"Living with asthma", "asthma"},
           {"Knee replacement: what to expect", "knee replacement"},
           {"Dermatology | Springfield", "dermatology"},
           {"Ozempic for weight loss", "ozempic"},
           {"Depression support", "depression"},
           {"Abortion care", "abortion"},
           {"Alcohol rehab near you", "alcohol rehab"},
           {"Breast cancer screening", "breast cancer"},
           {"HIV testing", "hiv testing"},
           {"Fertility", "fertility"},
           {"Chemotherapy", "chemotherapy"},
           {"Type 2 diabetes", "type 2 diabetes"}}) {
    INFO(title);
    td::HealthVerdict verdict = judge_title(title);
    CHECK(verdict.health_context);
    CHECK(has(verdict.terms, term));
  }
}

TEST_CASE("health context: weak words never suffice alone", "[health]") {
  CHECK_FALSE(judge_title("Health, wellness, care, doctors, clinic, nurses").health_context);
  CHECK_FALSE(judge_title("Pharmacy hours | Springfield Pharmacy").health_context);
  CHECK(judge_title("").terms.empty());
}

TEST_CASE("health context: care intent counts on a clinical site only", "[health]") {
  CHECK(judge_title("Telehealth visits | Springfield Clinic").health_context);
  CHECK(judge_title("Prescription refill | Springfield Pharmacy").health_context);
  CHECK(judge_title("Book an appointment | Springfield Medical Group").health_context);
  CHECK_FALSE(judge_title("Book an appointment | Bella Hair Studio").health_context);
  td::PageTexts texts;
  texts.title = "Request a consultation";
  CHECK_FALSE(td::judge_health_context(texts, td::HealthLexicon::builtin()).health_context);
  texts.form_asks_about_health = true;
  CHECK(td::judge_health_context(texts, td::HealthLexicon::builtin()).health_context);
}

TEST_CASE("health context: where a term is read decides what it is worth", "[health]") {
  const td::HealthLexicon& lexicon = td::HealthLexicon::builtin();
  td::PageTexts texts;
  texts.subheadings = "IVF";
  CHECK_FALSE(td::judge_health_context(texts, lexicon).health_context);
  for (std::string td::PageTexts::*place :
       {&td::PageTexts::path, &td::PageTexts::title, &td::PageTexts::h1, &td::PageTexts::meta,
        &td::PageTexts::form}) {
    td::PageTexts one;
    one.*place = "IVF";
    CHECK(td::judge_health_context(one, lexicon).health_context);
  }
}

TEST_CASE("health context: a place naming three categories is an overview", "[health]") {
  td::HealthVerdict home = judge_title("Fertility, mental health and dermatology | Clinic");
  CHECK_FALSE(home.health_context);
  CHECK(home.terms.empty());
  CHECK(judge_title("IVF, IUI and egg freezing | Fertility clinic").health_context);
  CHECK(judge_title("Depression and diabetes").health_context);
  td::PageTexts texts;
  texts.title = "Fertility, mental health and dermatology";
  texts.path = "/services/dermatology/";
  td::HealthVerdict verdict = td::judge_health_context(texts, td::HealthLexicon::builtin());
  CHECK(verdict.health_context);
  CHECK(verdict.terms == std::vector<std::string>{"dermatology"});
}

TEST_CASE("health context: careers and privacy pages need a strong term in the path", "[health]") {
  const td::HealthLexicon& lexicon = td::HealthLexicon::builtin();
  td::PageTexts texts;
  texts.title = "Careers: oncology nurses wanted";
  texts.path = "/careers/";
  CHECK_FALSE(td::judge_health_context(texts, lexicon).health_context);
  texts.path = "/jobs/oncology-nurse";
  CHECK(td::judge_health_context(texts, lexicon).health_context);
  texts = {};
  texts.path = "/privacy-policy/";
  texts.h1 = "Book an appointment";
  texts.meta = "HIV test results are protected";
  CHECK_FALSE(td::judge_health_context(texts, lexicon).health_context);
}

TEST_CASE("health context: at most ten terms are named, decisive ones first", "[health]") {
  td::PageTexts texts;
  texts.path = "/ivf/";
  texts.title = "Appointment";
  texts.subheadings = "asthma|gout|lupus|acne|eczema|rosacea|psoriasis|anemia|glaucoma|insomnia";
  for (char& c : texts.subheadings) c = c == '|' ? td::kTextBreak : c;
  td::HealthVerdict verdict = td::judge_health_context(texts, td::HealthLexicon::builtin());
  REQUIRE(verdict.health_context);
  CHECK(verdict.terms.size() == td::kMaxHealthTerms);
  CHECK(verdict.terms[0] == "ivf");
  CHECK(verdict.terms[1] == "appointment");
}

TEST_CASE("health lexicon: an extension file adds, re-kinds and drops terms", "[health]") {
  tagdrift::testing::TempDir dir;
  fs::path file = dir.write("extra.toml", R"([[category]]
name = "local-services"
kind = "strong"
terms = ["Wegovy clinic", "snoring"]

[[category]]
name = "demoted"
kind = "weak"
terms = ["ivf"]

[[category]]
name = "dropped"
kind = "ignore"
terms = ["acne"]
)");
  td::HealthLexicon lexicon = td::HealthLexicon::builtin();
  lexicon.load_extra(file.string());
  td::PageTexts texts;
  texts.title = "Snoring";
  CHECK(td::judge_health_context(texts, lexicon).health_context);
  CHECK_FALSE(td::judge_health_context(texts, td::HealthLexicon::builtin()).health_context);
  texts.title = "IVF";
  CHECK_FALSE(td::judge_health_context(texts, lexicon).health_context);
  texts.title = "Acne";
  CHECK_FALSE(td::judge_health_context(texts, lexicon).health_context);
  CHECK(td::judge_health_context(texts, td::HealthLexicon::builtin()).health_context);
  CHECK(td::analyse_page_context(nullptr, "/snoring/", lexicon).health_context);
}

TEST_CASE("health lexicon: a faulty file is reported as file:line", "[health]") {
  auto load = [](const std::string& text) {
    return error_of([&] { td::HealthLexicon(text, "terms.toml"); });
  };
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"strong\"\nterms = [\"a\", \"b\",\n \"A\"]\n") ==
        "terms.toml:5: term 'A' is listed twice (first on line 4)");
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"loud\"\nterms = []\n") ==
        "terms.toml:3: unknown kind 'loud' (strong, weak, care-intent, off-topic or ignore)");
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"weak\"\nterms = []\ncolour = 1\n") ==
        "terms.toml:5: unknown key 'colour'");
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"weak\"\n") ==
        "terms.toml:1: [[category]] needs a 'terms' list");
  CHECK(load("[[category]]\nkind = \"weak\"\nterms = []\n") ==
        "terms.toml:1: [[category]] needs 'name'");
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"weak\"\nterms = [\"--\"]\n") ==
        "terms.toml:4: term '--' has no letters or digits");
  CHECK(load("[[category]]\nname = \"x\"\nkind = \"weak\"\nterms = [1]\n") ==
        "terms.toml:4: 'terms' must list strings");
  CHECK(load("terms = [\"a\"]\n") == "terms.toml:1: unknown key 'terms'");
  CHECK(load("[[category]\n").rfind("terms.toml:1: ", 0) == 0);
  td::HealthLexicon lexicon = td::HealthLexicon::builtin();
  CHECK(error_of([&] { lexicon.load_extra("/nonexistent/terms.toml"); }) ==
        "cannot read health terms file: /nonexistent/terms.toml");
  CHECK(lexicon.terms().size() == td::HealthLexicon::builtin().terms().size());
}

TEST_CASE("page context: the fixture pages get their expected verdicts", "[health]") {
  fs::path dir = fs::path(TAGDRIFT_FIXTURES_DIR) / "health";
  toml::table cases = toml::parse_file((dir / "cases.toml").string());
  const toml::array& pages = *cases["page"].as_array();
  REQUIRE(pages.size() >= 15);
  for (const toml::node& node : pages) {
    const toml::table& page = *node.as_table();
    std::string file = page["file"].value_or(std::string());
    std::string url = page["url"].value_or(std::string());
    DYNAMIC_SECTION(file << " at " << url) {
      td::PageContext context = analyse(tagdrift::testing::read_file(dir / file), url);
      CHECK(context.health_context == page["health"].value_or(false));
      if (!context.health_context) CHECK(context.health_terms.empty());
      if (const toml::array* terms = page["terms"].as_array()) {
        for (const toml::node& term : *terms) {
          CHECK(has(context.health_terms, term.value_or(std::string())));
        }
      }
      std::vector<std::string> pii;
      if (const toml::array* kinds = page["pii"].as_array()) {
        for (const toml::node& kind : *kinds) pii.push_back(kind.value_or(std::string()));
      }
      CHECK(context.collects_pii == pii);
    }
  }
}

TEST_CASE("page context: the example clinic site is judged as its README says", "[health]") {
  fs::path site = fs::path(TAGDRIFT_SOURCE_DIR) / "examples" / "clinic-site";
  const std::vector<std::string> health = {
      "/services/fertility-treatment/", "/services/mental-health/",
      "/services/dermatology/",         "/appointments/",
      "/appointments/thank-you/",       "/blog/living-with-type-2-diabetes/",
      "/lp/ivf-spring-offer/",          "/patient-portal/"};
  const std::vector<std::string> not_health = {"/",
                                               "/about/",
                                               "/careers/",
                                               "/privacy/",
                                               "/blog/5-healthy-breakfast-recipes/",
                                               "/blog/what-are-tracking-pixels/",
                                               "/services/",
                                               "/services/primary-care/",
                                               "/contact/",
                                               "/blog/",
                                               "/admin/"};
  for (const auto* list : {&health, &not_health}) {
    for (const std::string& path : *list) {
      INFO(path);
      std::string html = tagdrift::testing::read_file(site / (path.substr(1) + "index.html"));
      td::PageContext context = analyse(html, "https://www.example-clinic.test" + path);
      CHECK(context.health_context == (list == &health));
      CHECK(context.collects_pii ==
            (path == "/appointments/"
                 ? std::vector<std::string>{"email", "phone", "name", "date-of-birth",
                                            "insurance-id", "symptoms"}
                 : std::vector<std::string>{}));
    }
  }
  td::PageContext fertility =
      analyse(tagdrift::testing::read_file(site / "services/fertility-treatment/index.html"),
              "https://www.example-clinic.test/services/fertility-treatment/");
  CHECK(has(fertility.health_terms, "fertility treatment"));
  CHECK(has(fertility.health_terms, "ivf"));
}

TEST_CASE("page context: 100,000 nested elements are walked without recursion", "[health]") {
  // The chain is built by hand: Gumbo itself takes quadratic time on such input, and parse_html
  // may cut it at a nesting budget; this is about the walk.
  td::GumboOutputPtr page = td::parse_html(
      "<title>Dermatology</title><form><label for=e>Email</label><input id=e></form>");
  const GumboNode* html = page->root;
  constexpr int kDepth = 100000;
  std::vector<GumboNode> chain(kDepth);
  std::vector<void*> links(kDepth);
  for (int i = 0; i < kDepth; ++i) {
    GumboNode& node = chain[i];
    node.type = GUMBO_NODE_ELEMENT;
    node.v.element = {};
    node.v.element.tag = GUMBO_TAG_DIV;
    node.v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
    node.v.element.attributes = kGumboEmptyVector;
    links[i] = i + 1 < kDepth ? static_cast<void*>(&chain[i + 1]) : const_cast<GumboNode*>(html);
    node.v.element.children = {&links[i], 1, 1};
  }
  td::PageContext context = td::analyse_page_context(&chain[0], "https://a.test/");
  CHECK(context.health_context);
  CHECK(context.collects_pii == std::vector<std::string>{"email"});
}

TEST_CASE("page context: only the first HTML title, headings and meta are read", "[health]") {
  td::PageContext svg = analyse(
      "<title>Home</title><svg><title>IVF</title></svg><title>Acne</title>"
      "<p>Depression</p><h4>Diabetes</h4><meta name=keywords content=asthma>",
      "https://a.test/");
  CHECK_FALSE(svg.health_context);
  td::PageContext split = analyse("<h1>Chemo<br>therapy</h1>", "/");
  CHECK_FALSE(has(split.health_terms, "chemotherapy"));
  CHECK(analyse("<h1>Chemo<b>therapy</b></h1>", "/").health_context);
  CHECK(analyse("<h1>Breast<br>cancer</h1>", "/").health_context);
  CHECK_FALSE(analyse("<h1>Mental</h1><h1>Health</h1>", "/").health_context);
  CHECK(analyse("", "https://a.test/mental-health%20services/").health_context);
  CHECK_FALSE(analyse("", "https://a.test/?topic=ivf").health_context);
}

TEST_CASE("page context: forms are read by their labels, not their options", "[health]") {
  CHECK(analyse("<form><label for=c>Do you have diabetes?</label><select id=c><option>Yes"
                "</select></form>",
                "/")
            .health_context);
  CHECK_FALSE(analyse("<form><select name=service><option>IVF<option>Depression<option>Acne"
                      "</select><textarea>HIV</textarea></form>",
                      "/")
                  .health_context);
  CHECK_FALSE(analyse("<form role=search><label for=q>Search conditions like asthma</label>"
                      "<input id=q name=q></form>",
                      "/")
                  .health_context);
  CHECK_FALSE(analyse("<button>Book an appointment</button><h1>Clinic</h1>", "/").health_context);
  CHECK(analyse("<form id=appointmentForm><input name=email></form><h1>Clinic</h1>", "/")
            .health_context);
}
