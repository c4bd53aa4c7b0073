#pragma once
/// @file Typed, range-checked reading of scenario values. Every reader throws ScenarioError naming the
/// value's file, line, column and dotted path when the value has the wrong type or is out of range.
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "models/units.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Throws the ScenarioError for a problem at `at`.
[[noreturn]] void fail_at(const SourcePosition& at, std::string field, std::string problem,
                          std::string expected, std::string hint = {});

/// A node of the scenario tree with its dotted path (e.g. traffic[0].campaign.recipients).
class Field {
 public:
  /// `node` must outlive the Field.
  Field(const YamlNode& node, std::string path) : node_(&node), path_(std::move(path)) {}
  /// The value as parsed.
  const YamlNode& node() const { return *node_; }
  /// Dotted path; empty for the document's root.
  const std::string& path() const { return path_; }
  /// The path of key `key` below this field.
  std::string child_path(std::string_view key) const;
  /// Throws the ScenarioError for a problem with this value.
  [[noreturn]] void fail(std::string problem, std::string expected, std::string hint = {}) const;

 private:
  const YamlNode* node_;
  std::string path_;
};

/// A mapping with a fixed set of keys. The constructor rejects anything that is not a mapping and every key
/// not in `allowed_keys` (pointing at the key, with the closest allowed key as hint).
class MapReader {
 public:
  MapReader(const Field& field, std::vector<std::string_view> allowed_keys);
  /// The value of `key`, or nullopt when absent. `key` must be one of the allowed keys.
  std::optional<Field> get(std::string_view key) const;
  /// The value of `key`; throws ScenarioError "is missing" (at the mapping) when absent.
  Field need(std::string_view key, std::string_view expected) const;
  /// Whether `key` is given.
  bool has(std::string_view key) const { return get(key).has_value(); }
  /// The mapping itself.
  const Field& field() const { return field_; }

 private:
  Field field_;
  std::vector<std::string_view> allowed_keys_;
};

/// Receives each MapReader's dotted path and allowed keys once the mapping has passed its key check.
using MapReaderObserver =
    std::function<void(const std::string& path, const std::vector<std::string_view>& allowed_keys)>;

/// A test hook: tests/schema checks docs/scenario.schema.json's keys against the MapReaders a load builds.
/// Empty (the default) observes nothing. Not thread-safe: set it before loading, on the loading thread.
void set_map_reader_observer(MapReaderObserver observer);

/// The items of a list value (a mapping, scalar or nothing there is an error).
std::vector<Field> list_items(const Field& field, std::string_view expected);

/// An entry of a mapping whose keys are names the scenario chooses (pools, providers, destinations).
struct NamedField {
  std::string name;              ///< the key as written
  SourcePosition name_position;  ///< where the key is written
  Field value;                   ///< its value, with path <mapping>.<name>
};

/// The entries of a mapping whose keys are names the scenario chooses, in the order written.
std::vector<NamedField> named_entries(const Field& field, std::string_view expected);

/// An allowed interval for a number.
struct NumberRange {
  double min = -std::numeric_limits<double>::infinity();  ///< lower bound (-inf: none)
  bool min_inclusive = true;                              ///< whether `min` itself is allowed
  double max = std::numeric_limits<double>::infinity();   ///< upper bound (inf: none)
  bool max_inclusive = true;                              ///< whether `max` itself is allowed
  /// "a number >= 0", "a number > 0", "a number in [0, 1)".
  std::string describe() const;
};

inline constexpr NumberRange kShareRange{0.0, true, 1.0, true};  ///< shares and probabilities
inline constexpr NumberRange kPositiveRange{0.0, false};         ///< numbers > 0
inline constexpr NumberRange kNonNegativeRange{0.0, true};       ///< numbers >= 0

/// Whether a duration may be zero.
enum class DurationBound { NonNegative, Positive };

/// Any scalar as text (a string value); nothing, a list or a mapping is an error.
std::string read_text(const Field& field, std::string_view expected);
/// Non-empty text.
std::string read_name(const Field& field);
/// true or false (also True/TRUE/False/FALSE).
bool read_bool(const Field& field);
/// A whole number in [min, max]; "2e5" is accepted, "1.5", "1e30" and quoted numbers are not.
std::int64_t read_integer(const Field& field, std::int64_t min,
                          std::int64_t max = std::numeric_limits<std::int64_t>::max());
/// read_integer limited to the range of int.
int read_int(const Field& field, int min, int max = std::numeric_limits<int>::max());
/// A whole number from 0 to 2^64 - 1.
std::uint64_t read_uint64(const Field& field);
/// A finite number in `range`.
double read_number(const Field& field, const NumberRange& range);
/// A duration (see parse_duration).
Duration read_duration(const Field& field, DurationBound bound);
/// A rate > 0 (see parse_rate).
Rate read_rate(const Field& field);
/// A rate, or 0 / "unlimited" for no limit (Rate{}).
Rate read_rate_limit(const Field& field);

/// A domain name, in lower case; with `allow_wildcard`, also "*" (every other domain).
std::string read_domain_name(const Field& field, bool allow_wildcard = false);

/// One of the named choices, e.g. {{"new", IdentityAge::New}, {"warm", IdentityAge::Warm}}; anything else
/// is an error listing them, with the closest as hint.
template <class Choice>
Choice read_choice(const Field& field, const std::vector<std::pair<std::string_view, Choice>>& choices) {
  const std::string text = read_text(field, "a name");
  std::vector<std::string_view> names;
  std::string listed;
  for (const auto& [name, choice] : choices) {
    if (name == text) return choice;
    listed += (listed.empty() ? "" : " or ") + std::string(name);
    names.push_back(name);
  }
  field.fail("'" + text + "' is not one of the choices", listed, closest_name(text, names));
}

/// Names declared in a section (IP addresses, pools, domains, providers, traffic entries), in the order
/// added: found in O(1), so that checking many names against many declared ones stays linear.
class NameIndex {
 public:
  NameIndex() = default;
  /// Moves keep the names in place (the lookup views stay valid); a copy's views would not, so none is made.
  NameIndex(NameIndex&&) = default;
  NameIndex& operator=(NameIndex&&) = default;
  NameIndex(const NameIndex&) = delete;
  NameIndex& operator=(const NameIndex&) = delete;
  /// Adds `name`; returns false (and adds nothing) when it is there already.
  bool add(std::string name);
  /// Whether `name` was added.
  bool contains(std::string_view name) const { return lookup_.contains(name); }
  /// The names in the order added, for messages and hints.
  std::vector<std::string_view> names() const { return {names_.begin(), names_.end()}; }

 private:
  std::deque<std::string> names_;                ///< a deque: adding keeps the earlier strings in place
  std::unordered_set<std::string_view> lookup_;  ///< views of names_
};

/// Fails at `at` (field `field_path`) with "'<name>' is not a declared <what>" and the closest declared
/// name as hint when `name` is not in `declared`.
void require_declared(const std::string& name, const NameIndex& declared, std::string_view what,
                      const SourcePosition& at, const std::string& field_path);

/// require_declared at the position of `field`.
void require_declared(const std::string& name, const NameIndex& declared, std::string_view what,
                      const Field& field);

/// The names of `items` (anything with a `name` member), for require_declared and hints.
template <class Named>
NameIndex names_of(const std::vector<Named>& items) {
  NameIndex names;
  for (const Named& item : items) names.add(item.name);
  return names;
}

}  // namespace delivsim
