/// @file Decoding a run record's CBOR after checking its shape without recursion, and the typed reads of the
/// decoded record (run_record_detail.h).
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "sim/output/run_record.h"
#include "sim/output/run_record_detail.h"

namespace delivsim::run_record {

namespace {

/// How deep a record's containers nest (record > providers > provider > latency).
constexpr std::size_t kMaxDepth = 8;

/// The shape of one CBOR item, checked without recursion before nlohmann's reader decodes it: that reader
/// recurses once per container level and once per nested chunk of an indefinite-length string, so deep input
/// would overflow the stack. delivsim's writer (nlohmann's to_cbor) gives every length and writes no tag, so
/// the check refuses containers nested deeper than kMaxDepth, indefinite lengths and tags, as well as
/// truncated or malformed heads; what it lets through is decoded and typed by nlohmann and the readers.
/// Returns the reason for a refusal, empty when the shape is fine.
std::string shape_error(std::string_view bytes) {
  std::size_t at = 0;
  // Items still to read in each open container, outermost first; the whole input is one item.
  std::vector<std::uint64_t> left{1};
  while (!left.empty()) {
    if (left.back() == 0) {
      left.pop_back();
      continue;
    }
    --left.back();
    if (at >= bytes.size()) return "truncated at byte " + std::to_string(at);
    const auto head = static_cast<std::uint8_t>(bytes[at]);
    const std::size_t head_at = at++;
    const int major = head >> 5;
    const int info = head & 0x1f;
    std::uint64_t argument = static_cast<std::uint64_t>(info);
    if (info >= 24 && info <= 27) {
      const std::size_t size = std::size_t{1} << (info - 24);
      if (bytes.size() - at < size) return "truncated at byte " + std::to_string(at);
      argument = 0;
      for (std::size_t i = 0; i < size; ++i)
        argument = argument << 8 | static_cast<std::uint8_t>(bytes[at++]);
    } else if (info >= 28) {
      // Info 31 opens an indefinite length, or with major type 7 is the break code that would close one.
      const char* what = info != 31   ? "a reserved length code"
                         : major == 7 ? "a break code (the end of an indefinite length)"
                                      : "an indefinite length";
      return what + std::string(" at byte ") + std::to_string(head_at) + " (a run record gives every length)";
    }
    switch (major) {
      case 2:  // byte string
      case 3:  // text string
        if (bytes.size() - at < argument) return "truncated at byte " + std::to_string(bytes.size());
        at += static_cast<std::size_t>(argument);
        break;
      case 4:  // array
      case 5:  // map: a key and a value per entry
        if (left.size() > kMaxDepth) return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
        // Each item takes at least one byte, so a count beyond the bytes left is truncated input.
        if (argument > (bytes.size() - at) / (major == 5 ? 2 : 1))
          return "truncated: " + std::to_string(argument) + " entries declared at byte " +
                 std::to_string(head_at);
        left.push_back(major == 5 ? argument * 2 : argument);
        break;
      case 6:
        return "a tag at byte " + std::to_string(head_at) + " (a run record has none)";
      default:  // integers, simple values and floats: their argument was all of them
        break;
    }
  }
  if (at != bytes.size()) return std::to_string(bytes.size() - at) + " bytes after the record";
  return {};
}

}  // namespace

Json decoded(std::string_view bytes) {
  if (const std::string error = shape_error(bytes); !error.empty()) {
    throw RunRecordError("not a run record: " + error);
  }
  try {
    return Json::from_cbor(bytes.begin(), bytes.end());
  } catch (const Json::exception& e) {
    throw RunRecordError(std::string("not a run record: ") + e.what());
  }
}

bool to_int64(const Json& value, std::int64_t& out) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
    out = static_cast<std::int64_t>(number);
    return true;
  }
  if (!value.is_number_integer()) return false;
  out = value.get<std::int64_t>();
  return true;
}

Field Field::operator[](std::string_view key) const {
  if (!value_->is_object()) fail("expected an object");
  const auto member = value_->find(key);
  const std::string member_path = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  if (member == value_->end()) throw RunRecordError(member_path + ": missing");
  return Field(*member, member_path);
}

Field Field::operator[](std::size_t index) const {
  expect_array();
  return Field((*value_)[index], element_path(index));
}

std::size_t Field::size() const {
  expect_array();
  return value_->size();
}

double Field::number() const {
  if (!value_->is_number()) fail("expected a number");
  return value_->get<double>();
}

std::int64_t Field::integer() const {
  std::int64_t out = 0;
  if (!to_int64(*value_, out)) fail("expected a 64-bit integer");
  return out;
}

std::int64_t Field::count() const {
  const std::int64_t out = integer();
  if (out < 0) fail("expected a count >= 0, not " + std::to_string(out));
  return out;
}

std::uint64_t Field::unsigned_integer() const {
  if (!value_->is_number_unsigned()) fail("expected an unsigned integer");
  return value_->get<std::uint64_t>();
}

std::string Field::string() const {
  if (!value_->is_string()) fail("expected a string");
  return value_->get<std::string>();
}

const Json::binary_t& Field::bytes() const {
  if (!value_->is_binary()) fail("expected a byte string");
  return value_->get_binary();
}

std::vector<double> Field::numbers() const {
  expect_array();
  std::vector<double> out;
  out.reserve(value_->size());
  for (const Json& cell : *value_) {
    if (!cell.is_number()) Field(cell, element_path(out.size())).fail("expected a number");
    out.push_back(cell.get<double>());
  }
  return out;
}

std::vector<std::int64_t> Field::integers(std::int64_t min, std::int64_t max) const {
  expect_array();
  std::vector<std::int64_t> out;
  out.reserve(value_->size());
  for (const Json& cell : *value_) {
    std::int64_t number = 0;
    if (!to_int64(cell, number) || number < min || number > max) {
      Field(cell, element_path(out.size()))
          .fail("expected an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    out.push_back(number);
  }
  return out;
}

std::vector<std::string> Field::strings() const {
  expect_array();
  std::vector<std::string> out;
  out.reserve(value_->size());
  for (const Json& item : *value_) {
    if (!item.is_string()) Field(item, element_path(out.size())).fail("expected a string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::map<std::string, std::int64_t> Field::counts_by_name() const {
  if (!value_->is_object()) fail("expected an object");
  std::map<std::string, std::int64_t> out;
  for (const auto& [name, value] : value_->items()) {
    out.emplace(name, Field(value, path_ + "." + name).count());
  }
  return out;
}

std::string Field::element_path(std::size_t index) const {
  return path_ + "[" + std::to_string(index) + "]";
}

void Field::fail(const std::string& what) const {
  throw RunRecordError((path_.empty() ? std::string("run record") : path_) + ": " + what);
}

void Field::expect_array() const {
  if (!value_->is_array()) fail("expected an array");
}

}  // namespace delivsim::run_record
