#include "sim/scenario/field_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "sim/kernel/ascii.h"
#include "sim/scenario/units_parse.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// set_map_reader_observer's observer; empty unless a test set one.
MapReaderObserver& map_reader_observer() {
  static MapReaderObserver observer;
  return observer;
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

void require_scalar(const Field& field, std::string_view expected) {
  const YamlNode& node = field.node();
  if (node.kind == YamlNode::Kind::Null) field.fail("has no value", std::string(expected));
  if (node.kind != YamlNode::Kind::Scalar) {
    field.fail("is " + std::string(describe_kind(node)), std::string(expected));
  }
}

/// The plain (unquoted) scalar text of a value that must be a number or a boolean.
const std::string& plain_scalar(const Field& field, std::string_view expected) {
  require_scalar(field, expected);
  const std::string& text = field.node().scalar;
  if (field.node().quoted) field.fail("\"" + text + "\" is in quotes, so it is text", std::string(expected));
  return text;
}

/// "is negative", "is zero" or "is too small" for a value below the allowed minimum.
std::string below_minimum(std::string_view text, double value, double min) {
  if (value < 0 && min >= 0) return quote_value(text) + " is negative";
  if (value == 0) return quote_value(text) + " is zero";
  return quote_value(text) + " is too small";
}

bool looks_infinite_or_nan(std::string_view value) {
  const std::string text = kernel::ascii_lower(value);
  return text.find("inf") != std::string::npos || text.find("nan") != std::string::npos;
}

/// The exact decimal digits of the whole number `text` writes with a fraction or an exponent ("2e5" ->
/// "200000", "1.5e3" -> "1500", "-3e2" -> "-300", read exactly, not through a double, so that every
/// 64-bit value survives); fails for a fraction ("1.5", "1e-1"), other text, and more than 20 digits.
std::string whole_number_digits(const Field& field, const std::string& text, const std::string& expected) {
  std::string_view rest = text;
  const bool negative = rest.starts_with('-');
  if (negative) rest.remove_prefix(1);
  const std::size_t int_end = std::min(rest.find_first_not_of("0123456789"), rest.size());
  std::string mantissa(rest.substr(0, int_end));
  rest.remove_prefix(int_end);
  if (rest.starts_with('.')) {
    rest.remove_prefix(1);
    const std::size_t frac_end = std::min(rest.find_first_not_of("0123456789"), rest.size());
    mantissa += rest.substr(0, frac_end);
    rest.remove_prefix(frac_end);
  }
  // Exponents beyond this many digits either way give zero, a fraction or a number too large, all the same.
  constexpr long kExponentBound = 100'000;
  long exponent = 0;
  if (rest.starts_with('e') || rest.starts_with('E')) {
    rest.remove_prefix(rest.size() > 1 && rest[1] == '+' ? 2 : 1);
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), exponent);
    const bool whole_exponent = error == std::errc{} || error == std::errc::result_out_of_range;
    if (!whole_exponent || end != rest.data() + rest.size())
      field.fail(quote_value(text) + " is not a whole number", expected);
    exponent = error == std::errc{} ? std::clamp(exponent, -kExponentBound, kExponentBound)
                                    : (rest.starts_with('-') ? -kExponentBound : kExponentBound);
    rest = {};
  }
  if (mantissa.empty() || !rest.empty()) field.fail(quote_value(text) + " is not a whole number", expected);
  // The decimal point sits after `point` digits of `mantissa`; each leading zero moves it one to the left.
  long point = static_cast<long>(int_end) + exponent;
  const std::size_t first = mantissa.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  mantissa.erase(0, first);
  point -= static_cast<long>(first);
  const bool fraction =
      point <= 0 || (static_cast<std::size_t>(point) < mantissa.size() &&
                     mantissa.find_first_not_of('0', static_cast<std::size_t>(point)) != std::string::npos);
  if (fraction) field.fail(quote_value(text) + " is not a whole number", expected);
  if (point > 20) field.fail(quote_value(text) + (negative ? " is too small" : " is too large"), expected);
  mantissa.resize(static_cast<std::size_t>(point), '0');
  return (negative ? "-" : "") + mantissa;
}

/// `text` as an integer of type Integer: plain digits, or a whole number with a fraction or exponent.
template <class Integer>
Integer read_whole_number(const Field& field, const std::string& text, const std::string& expected) {
  const auto parse = [](std::string_view digits, Integer& value) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc{} && end != digits.data() + digits.size()) return std::errc::invalid_argument;
    return error;
  };
  Integer value = 0;
  std::errc error = parse(text, value);
  if (error == std::errc{}) return value;
  if (error != std::errc::result_out_of_range)
    error = parse(whole_number_digits(field, text, expected), value);
  if (error == std::errc{}) return value;
  if (text.starts_with('-')) {
    field.fail(quote_value(text) + (std::is_signed_v<Integer> ? " is too small" : " is negative"), expected);
  }
  field.fail(quote_value(text) + " is too large", expected);
}

std::string describe_integer_range(std::int64_t min, std::int64_t max) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  if (max == kMax) return "a whole number >= " + std::to_string(min);
  return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

}  // namespace

void fail_at(const SourcePosition& at, std::string field, std::string problem, std::string expected,
             std::string hint) {
  throw ScenarioError(at.file, at.line, at.column, std::move(field), std::move(problem), std::move(expected),
                      std::move(hint));
}

std::string Field::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void Field::fail(std::string problem, std::string expected, std::string hint) const {
  fail_at(node_->position, path_, std::move(problem), std::move(expected), std::move(hint));
}

MapReader::MapReader(const Field& field, std::vector<std::string_view> allowed_keys)
    : field_(field), allowed_keys_(std::move(allowed_keys)) {
  std::string listed;
  for (const std::string_view key : allowed_keys_) listed += (listed.empty() ? "" : ", ") + std::string(key);
  if (field.node().kind != YamlNode::Kind::Map) {
    field.fail("is " + std::string(describe_kind(field.node())), "a mapping with keys " + listed);
  }
  for (const YamlMapEntry& entry : field.node().entries) {
    if (std::find(allowed_keys_.begin(), allowed_keys_.end(), entry.key) == allowed_keys_.end()) {
      fail_at(entry.key_position, field.child_path(entry.key), "unknown key " + quote_value(entry.key),
              "one of " + listed, closest_name(entry.key, allowed_keys_));
    }
  }
  if (const MapReaderObserver& observer = map_reader_observer()) observer(field.path(), allowed_keys_);
}

void set_map_reader_observer(MapReaderObserver observer) {
  map_reader_observer() = std::move(observer);
}

std::optional<Field> MapReader::get(std::string_view key) const {
  if (std::find(allowed_keys_.begin(), allowed_keys_.end(), key) == allowed_keys_.end()) {
    throw std::logic_error("scenario reader asked for key '" + std::string(key) + "' it did not allow");
  }
  if (const YamlNode* value = field_.node().find(key)) return Field(*value, field_.child_path(key));
  return std::nullopt;
}

Field MapReader::need(std::string_view key, std::string_view expected) const {
  if (auto value = get(key)) return *value;
  fail_at(field_.node().position, field_.child_path(key), "is missing", std::string(expected));
}

std::vector<Field> list_items(const Field& field, std::string_view expected) {
  if (field.node().kind != YamlNode::Kind::Sequence) {
    field.fail("is " + std::string(describe_kind(field.node())), std::string(expected));
  }
  std::vector<Field> items;
  for (std::size_t i = 0; i < field.node().items.size(); ++i) {
    items.emplace_back(field.node().items[i], field.path() + "[" + std::to_string(i) + "]");
  }
  return items;
}

std::vector<NamedField> named_entries(const Field& field, std::string_view expected) {
  if (field.node().kind != YamlNode::Kind::Map) {
    field.fail("is " + std::string(describe_kind(field.node())), std::string(expected));
  }
  std::vector<NamedField> entries;
  for (const YamlMapEntry& entry : field.node().entries) {
    if (entry.key.empty()) fail_at(entry.key_position, field.path(), "has an empty name", "a name");
    entries.push_back({entry.key, entry.key_position, Field(entry.value, field.child_path(entry.key))});
  }
  return entries;
}

std::string NumberRange::describe() const {
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) {
    return std::string("a number in ") + (min_inclusive ? "[" : "(") + format_number(min) + ", " +
           format_number(max) + (max_inclusive ? "]" : ")");
  }
  if (has_min) return std::string("a number ") + (min_inclusive ? ">= " : "> ") + format_number(min);
  if (has_max) return std::string("a number ") + (max_inclusive ? "<= " : "< ") + format_number(max);
  return "a number";
}

std::string read_text(const Field& field, std::string_view expected) {
  require_scalar(field, expected);
  return field.node().scalar;
}

std::string read_name(const Field& field) {
  std::string name = read_text(field, "a name");
  if (name.empty()) field.fail("is empty", "a name");
  return name;
}

bool read_bool(const Field& field) {
  const std::string& text = plain_scalar(field, "true or false");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  field.fail(quote_value(text) + " is not true or false", "true or false");
}

std::int64_t read_integer(const Field& field, std::int64_t min, std::int64_t max) {
  const std::string expected = describe_integer_range(min, max);
  const std::string& text = plain_scalar(field, expected);
  const auto value = read_whole_number<std::int64_t>(field, text, expected);
  if (value < min) {
    field.fail(below_minimum(text, static_cast<double>(value), static_cast<double>(min)), expected);
  }
  if (value > max) field.fail(quote_value(text) + " is too large", expected);
  return value;
}

int read_int(const Field& field, int min, int max) {
  return static_cast<int>(read_integer(field, min, max));
}

std::uint64_t read_uint64(const Field& field) {
  const std::string expected = "a whole number from 0 to 18446744073709551615";
  const std::string& text = plain_scalar(field, expected);
  return read_whole_number<std::uint64_t>(field, text, expected);
}

double read_number(const Field& field, const NumberRange& range) {
  const std::string expected = range.describe();
  const std::string& text = plain_scalar(field, expected);
  if (looks_infinite_or_nan(text)) field.fail(quote_value(text) + " is not finite", expected);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) field.fail(quote_value(text) + " is out of range", expected);
  if (error != std::errc{} || end != text.data() + text.size()) {
    field.fail(quote_value(text) + " is not a number", expected);
  }
  const bool above_min = range.min_inclusive ? value >= range.min : value > range.min;
  const bool below_max = range.max_inclusive ? value <= range.max : value < range.max;
  if (!above_min) field.fail(below_minimum(text, value, range.min), expected);
  if (!below_max) field.fail(quote_value(text) + " is too large", expected);
  return value;
}

Duration read_duration(const Field& field, DurationBound bound) {
  const std::string expected =
      std::string(bound == DurationBound::Positive ? "a duration > 0" : "a duration") +
      " such as 90s, 30m, 4h or 1h30m";
  const std::string text = read_text(field, expected);
  Duration value{0};
  try {
    value = parse_duration(text);
  } catch (const std::invalid_argument& error) {
    field.fail(error.what(), expected);
  }
  if (bound == DurationBound::Positive && value <= Duration{0}) {
    field.fail(quote_value(text) + " is zero", expected);
  }
  return value;
}

Rate read_rate(const Field& field) {
  const std::string expected = "a rate > 0 such as 500/h, 10/min or 2/s";
  const std::string text = read_text(field, expected);
  try {
    return parse_rate(text);
  } catch (const std::invalid_argument& error) {
    field.fail(error.what(), expected);
  }
}

Rate read_rate_limit(const Field& field) {
  const std::string expected = "a rate such as 500/h, or 0 or unlimited for no limit";
  const std::string text = read_text(field, expected);
  if (text == "0" || text == "unlimited") return Rate{};
  try {
    return parse_rate(text);
  } catch (const std::invalid_argument& error) {
    field.fail(error.what(), expected);
  }
}

std::string read_domain_name(const Field& field, bool allow_wildcard) {
  const std::string expected =
      allow_wildcard ? "a domain name such as gmail.com, or \"*\"" : "a domain name such as example.com";
  const std::string text = read_text(field, expected);
  if (allow_wildcard && text == "*") return text;
  auto domain = normalized_domain_name(text);
  if (!domain) field.fail(quote_value(text) + " is not a domain name", expected);
  return *domain;
}

bool NameIndex::add(std::string name) {
  if (contains(name)) return false;
  lookup_.insert(names_.emplace_back(std::move(name)));
  return true;
}

void require_declared(const std::string& name, const NameIndex& declared, std::string_view what,
                      const SourcePosition& at, const std::string& field_path) {
  if (declared.contains(name)) return;
  const std::vector<std::string_view> names = declared.names();
  std::string listed;
  for (const std::string_view candidate : names) {
    if (listed.size() > kMessagePartMaxBytes) break;  // the message keeps only so much of the list
    listed += (listed.empty() ? "" : ", ") + std::string(candidate);
  }
  fail_at(at, field_path, quote_value(name) + " is not a declared " + std::string(what),
          listed.empty() ? "a declared " + std::string(what) : "one of " + listed, closest_name(name, names));
}

void require_declared(const std::string& name, const NameIndex& declared, std::string_view what,
                      const Field& field) {
  require_declared(name, declared, what, field.node().position, field.path());
}

}  // namespace delivsim
