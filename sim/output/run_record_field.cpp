/// @file Decoding a run record's CBOR with bounded nesting, and the typed reads of the decoded record
/// (run_record_detail.h).
#include <limits>
#include <string>

#include "sim/output/run_record.h"
#include "sim/output/run_record_detail.h"

namespace delivsim::run_record {

namespace {

/// How deep a record's containers nest (record > providers > provider > latency); input nesting deeper than
/// kMaxDepth is refused before it is decoded, since nlohmann's CBOR reader recurses once per level.
constexpr std::size_t kMaxDepth = 8;

/// A SAX consumer that only counts nesting: decoding the record with it first bounds the recursion of the
/// decoding proper. Its parse error is kept to report.
struct DepthCheck : nlohmann::json_sax<Json> {
  std::size_t depth = 0;
  std::string error;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& e) override {
    error = e.what();
    return false;
  }

  bool enter() {
    if (++depth <= kMaxDepth) return true;
    error = "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    return false;
  }
  bool leave() {
    --depth;
    return true;
  }
};

}  // namespace

Json decoded(std::string_view bytes) {
  DepthCheck check;
  if (!Json::sax_parse(bytes.begin(), bytes.end(), &check, Json::input_format_t::cbor)) {
    throw RunRecordError("not a run record: " + check.error);
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
