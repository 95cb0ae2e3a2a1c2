#include "detectors/container_tags.h"

#include <re2/re2.h>

#include <algorithm>

#include "detectors/canonical_id.h"
#include "detectors/places.h"

namespace tagdrift::detectors {

struct ContainerTemplates::Compiled {
  std::size_t signature = 0;
  const ContainerTemplate* declared = nullptr;
  std::unique_ptr<RE2> community;  // null for a built-in template
  std::unique_ptr<RE2> rewrite;    // null without id_rewrite
};

namespace {

std::unique_ptr<RE2> compile(const std::string& regex) {
  if (regex.empty()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_unique<RE2>(regex, options);
  return compiled->ok() ? std::move(compiled) : nullptr;
}

const GtmField* field_named(const GtmTag& tag, std::string_view name) {
  for (const GtmField& field : tag.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

bool is_off(std::string_view text) { return text.empty() || text == "false" || text == "0"; }

void add_unique(std::vector<std::string>& to, std::string item) {
  if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(std::move(item));
}

}  // namespace

ContainerTemplates::ContainerTemplates(const std::vector<Signature>& signatures,
                                       const MatchSet& matcher)
    : matcher_(matcher) {
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    for (const ContainerTemplate& declared : signatures[i].containers) {
      Compiled entry;
      entry.signature = i;
      entry.declared = &declared;
      entry.community = compile(declared.community);
      entry.rewrite = compile(declared.id_rewrite);
      if (!declared.community.empty() && !entry.community) continue;  // the loader said why
      compiled_.push_back(std::move(entry));
    }
  }
}

ContainerTemplates::~ContainerTemplates() = default;

void ContainerTemplates::match_tag(const GtmContainer& container, std::size_t tag,
                                   const Compiled& entry, std::vector<ContainerHit>& hits) const {
  const GtmTag& decoded = container.tags[tag];
  const ContainerTemplate& declared = *entry.declared;
  ContainerHit base;
  base.signature = entry.signature;
  base.tag = tag;
  for (const std::string& name : declared.event_fields) {
    const GtmField* field = field_named(decoded, name);
    if (field == nullptr) continue;
    for (const GtmValue& value : field->values) {
      if (!value.text.empty() && !is_placeholder_id(value.text))
        add_unique(base.events, value.text);
    }
  }
  for (const std::string& name : declared.enhanced_match_fields) {
    const GtmField* field = field_named(decoded, name);
    if (field == nullptr) continue;
    if (std::any_of(field->values.begin(), field->values.end(),
                    [](const GtmValue& v) { return !is_off(v.text); })) {
      add_unique(base.enhanced_match, name.starts_with("vtp_") ? name.substr(4) : name);
    }
  }
  const IdRules rules = matcher_.id_rules(entry.signature);
  bool without_id = declared.id_fields.empty();
  std::size_t found = 0;
  for (const std::string& name : declared.id_fields) {
    const GtmField* field = field_named(decoded, name);
    if (field == nullptr) continue;
    without_id = without_id || field->opaque;
    for (const GtmValue& value : field->values) {
      std::string text = value.text;
      if (entry.rewrite) RE2::Replace(&text, *entry.rewrite, declared.id_rewrite_to);
      CanonicalId id = canonical_id(text, rules);
      if (id.status == IdStatus::kPlaceholder) without_id = true;
      if (id.status != IdStatus::kOk) continue;  // kForeign: another product's ID (AW- vs G-)
      ContainerHit hit = base;
      hit.tag_id = id.id;
      hit.field = name;
      hit.resolved = value.resolved;
      hits.push_back(std::move(hit));
      ++found;
    }
  }
  if (found == 0 && without_id) {
    base.resolved = "no ID visible";
    hits.push_back(std::move(base));
  }
}

std::vector<ContainerHit> ContainerTemplates::match(const GtmContainer& container) const {
  std::vector<ContainerHit> hits;
  for (std::size_t tag = 0; tag < container.tags.size(); ++tag) {
    const std::string& name = container.tags[tag].template_name;
    auto permissions = container.templates.find(name);
    for (const Compiled& entry : compiled_) {
      if (entry.community) {
        if (permissions == container.templates.end() ||
            !RE2::PartialMatch(permissions->second, *entry.community)) {
          continue;
        }
      } else if (entry.declared->template_name != name) {
        continue;
      }
      match_tag(container, tag, entry, hits);
    }
  }
  return hits;
}

std::vector<Place> container_tag_places(const GtmTag& tag, std::string_view page_url) {
  std::vector<Place> places;
  if (tag.template_name == "__img") {
    const GtmField* url = field_named(tag, "vtp_url");
    if (url == nullptr) return places;
    for (const GtmValue& value : url->values) {
      Place place;
      place.kind = PlaceKind::kImg;
      place.value = value.text;
      place.raw = value.text;
      places.push_back(std::move(place));
    }
    return places;
  }
  if (tag.template_name != "__html") return places;
  const GtmField* html = field_named(tag, "vtp_html");
  if (html == nullptr) return places;
  for (const GtmValue& value : html->values) {
    // GTM serves a Custom HTML tag's scripts inert (type text/gtmscript, src as data-gtmsrc)
    // and makes them run when the tag fires: read them as the page will run them.
    std::string markup = replace_all(value.text, "text/gtmscript", "text/javascript");
    markup = replace_all(markup, " data-gtmsrc=", " src=");
    std::vector<Place> some = extract_places_from_html(markup, page_url);
    places.insert(places.end(), std::make_move_iterator(some.begin()),
                  std::make_move_iterator(some.end()));
  }
  return places;
}

}  // namespace tagdrift::detectors
