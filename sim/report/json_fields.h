#pragma once
/// @file Taking typed values out of a run folder's JSON without trusting it: a missing key or a value of
/// the wrong type is a ReportInputError naming the key path ("providers.gmail.max_queue: expected a whole
/// number, found a string"), never a JSON library message or an out-of-range conversion.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/report/report_error.h"

namespace delivsim::report {

/// The value at `key` of `object`. Throws ReportInputError "key: missing", or, when `object` is not an
/// object, ": expected an object holding 'key', found ..." (the message of a value itself starts with ':',
/// so that within() puts the value's path in front).
const nlohmann::ordered_json& member(const nlohmann::ordered_json& object, std::string_view key);

/// member() that must be an object.
const nlohmann::ordered_json& object_member(const nlohmann::ordered_json& object, std::string_view key);
/// member() that must be an array.
const nlohmann::ordered_json& array_member(const nlohmann::ordered_json& object, std::string_view key);
/// member() that must be a string.
std::string string_member(const nlohmann::ordered_json& object, std::string_view key);
/// member() that must be a number.
double number_member(const nlohmann::ordered_json& object, std::string_view key);
/// member() that must be a whole number within the range of std::int64_t.
std::int64_t integer_member(const nlohmann::ordered_json& object, std::string_view key);
/// integer_member(), or `fallback` when `object` has no `key`.
std::int64_t integer_member_or(const nlohmann::ordered_json& object, std::string_view key,
                               std::int64_t fallback);
/// member() that must be a whole number from 0 to 2^64 - 1.
std::uint64_t unsigned_member(const nlohmann::ordered_json& object, std::string_view key);

/// `value` as a number, or nullopt when it is anything else (a figure a run could not compute is null).
std::optional<double> number_or_null(const nlohmann::ordered_json& value);

/// `value` as a whole number within the range of std::int64_t; throws ReportInputError "expected a whole
/// number, found ..." otherwise.
std::int64_t integer_of(const nlohmann::ordered_json& value);

/// read(); a ReportInputError it throws gets the key path `where` in front: "where.key: ..." for a message
/// about a key, "where: ..." for one about the value itself (starting with ':').
template <typename Read>
auto within(const std::string& where, Read&& read) {
  try {
    return read();
  } catch (const ReportInputError& e) {
    const std::string message = e.what();
    throw ReportInputError(where + (message.starts_with(':') ? "" : ".") + message);
  }
}

}  // namespace delivsim::report
