// Immutable values shared by every holder of an equal value, and the pool that makes them: a
// scan's findings repeat the same URL, evidence, places and terms on many pages, and keep each
// distinct value once. A value outlives its pool; the pool only finds equal values again.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tagdrift::drift {

template <typename T>
class Interned {
 public:
  Interned() = default;
  // Not pooled: for values built by hand (tests, fixtures). Implicit, as a T is one.
  Interned(T value)
      : value_(value.empty() ? nullptr : std::make_shared<const T>(std::move(value))) {}

  const T& get() const { return value_ ? *value_ : empty_value(); }
  const T& operator*() const { return get(); }
  const T* operator->() const { return &get(); }
  operator const T&() const { return get(); }
  // The container's own, so that a shared list reads like the list.
  bool empty() const { return value_ == nullptr; }
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }

  friend bool operator==(const Interned& a, const Interned& b) {
    return a.value_ == b.value_ || a.get() == b.get();
  }
  friend bool operator==(const Interned& a, const T& b) { return a.get() == b; }

 private:
  template <typename, typename>
  friend class InternPool;

  explicit Interned(std::shared_ptr<const T> value) : value_(std::move(value)) {}

  static const T& empty_value() {
    static const T kEmpty;
    return kEmpty;
  }

  std::shared_ptr<const T> value_;  // null for the empty value
};

using SharedText = Interned<std::string>;
using SharedNames = Interned<std::vector<std::string>>;

struct NamesHash {
  std::size_t operator()(const std::vector<std::string>& names) const;
};

template <typename T, typename Hash = std::hash<T>>
class InternPool {
 public:
  // The pooled value equal to `value`, made on first sight. Empty values are never pooled.
  Interned<T> intern(const T& value) {
    if (value.empty()) return {};
    if (auto found = values_.find(value); found != values_.end()) return *found;
    return *values_.insert(Interned<T>(std::make_shared<const T>(value))).first;
  }
  Interned<T> intern(T&& value) {
    if (value.empty()) return {};
    if (auto found = values_.find(value); found != values_.end()) return *found;
    return *values_.insert(Interned<T>(std::make_shared<const T>(std::move(value)))).first;
  }

  std::size_t size() const { return values_.size(); }

 private:
  struct ByValue {
    using is_transparent = void;
    std::size_t operator()(const Interned<T>& value) const { return Hash()(value.get()); }
    std::size_t operator()(const T& value) const { return Hash()(value); }
    bool operator()(const Interned<T>& a, const Interned<T>& b) const { return a == b; }
    bool operator()(const Interned<T>& a, const T& b) const { return a.get() == b; }
    bool operator()(const T& a, const Interned<T>& b) const { return a == b.get(); }
  };

  std::unordered_set<Interned<T>, ByValue, ByValue> values_;
};

using TextPool = InternPool<std::string>;
using NamesPool = InternPool<std::vector<std::string>, NamesHash>;

}  // namespace tagdrift::drift
