#include "sim/report/json_fields.h"

#include <limits>

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void wrong_type(std::string_view key, const std::string& expected, const Json& value) {
  throw ReportInputError(std::string(key) + ": expected " + expected + ", found " + value.type_name());
}

}  // namespace

const Json& member(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    // No key in front: the value itself is wrong, and within() puts its path in front.
    throw ReportInputError(std::string(": expected an object holding '") + std::string(key) + "', found " +
                           object.type_name());
  }
  const auto found = object.find(key);
  if (found == object.end()) throw ReportInputError(std::string(key) + ": missing");
  return *found;
}

const Json& object_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_object()) wrong_type(key, "an object", value);
  return value;
}

const Json& array_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_array()) wrong_type(key, "an array", value);
  return value;
}

std::string string_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_string()) wrong_type(key, "a string", value);
  return value.get<std::string>();
}

double number_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_number()) wrong_type(key, "a number", value);
  return value.get<double>();
}

std::optional<double> number_or_null(const Json& value) {
  if (value.is_number()) return value.get<double>();
  return std::nullopt;
}

std::int64_t integer_of(const Json& value) {
  const bool fits = value.is_number_integer() &&
                    (!value.is_number_unsigned() ||
                     value.get<std::uint64_t>() <= std::uint64_t{std::numeric_limits<std::int64_t>::max()});
  if (!fits) {
    throw ReportInputError(std::string("expected a whole number (at most 2^63 - 1), found ") +
                           (value.is_number() ? "the number " + value.dump() : value.type_name()));
  }
  return value.get<std::int64_t>();
}

std::int64_t integer_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  try {
    return integer_of(value);
  } catch (const ReportInputError& e) {
    throw ReportInputError(std::string(key) + ": " + e.what());
  }
}

std::int64_t integer_member_or(const Json& object, std::string_view key, std::int64_t fallback) {
  return object.is_object() && object.contains(key) ? integer_member(object, key) : fallback;
}

std::uint64_t unsigned_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_number_unsigned()) wrong_type(key, "a whole number from 0 to 2^64 - 1", value);
  return value.get<std::uint64_t>();
}

}  // namespace delivsim::report
