#pragma once
/// @file Internal to the run record (run_record*.cpp): decoding the CBOR, a decoded record's value with its
/// path, typed reads that throw RunRecordError naming that path, and the accounting part of the record.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim::run_record {

using Json = nlohmann::json;

/// A value of the decoded record and where it is in the record ("providers[1].latency"). Reads check the
/// value's type and range and throw RunRecordError("<path>: <what is wrong>").
class Field {
 public:
  Field(const Json& value, std::string path) : value_(&value), path_(std::move(path)) {}

  /// The member `key` of this object (a missing member is an error).
  Field operator[](std::string_view key) const;
  /// Element `index` of this array (index < size()).
  Field operator[](std::size_t index) const;
  /// The element count of this array.
  std::size_t size() const;
  bool is_null() const { return value_->is_null(); }

  double number() const;
  std::int64_t integer() const;
  /// An integer >= 0: a count, a size in bytes or a duration.
  std::int64_t count() const;
  std::uint64_t unsigned_integer() const;
  std::string string() const;
  /// A byte string (CBOR major type 2).
  const Json::binary_t& bytes() const;
  /// This array of numbers.
  std::vector<double> numbers() const;
  /// This array of integers in [min, max].
  std::vector<std::int64_t> integers(std::int64_t min, std::int64_t max) const;
  std::vector<std::string> strings() const;
  /// This object of counts (a ProviderResult map).
  std::map<std::string, std::int64_t> counts_by_name() const;
  /// This array, each element read by `read(Field)`.
  template <typename Read>
  auto list(Read read) const {
    std::vector<decltype(read(*this))> items;
    items.reserve(size());
    for (std::size_t i = 0; i < size(); ++i) items.push_back(read((*this)[i]));
    return items;
  }

  const std::string& path() const { return path_; }
  /// The path of element `index` of this array.
  std::string element_path(std::size_t index) const;
  /// Throws RunRecordError("<path>: <what>").
  [[noreturn]] void fail(const std::string& what) const;

 private:
  void expect_array() const;

  const Json* value_;
  std::string path_;
};

/// The JSON of a record's CBOR; throws RunRecordError for bytes that are not one CBOR item (nothing after
/// it), or that nest containers deeper than a record does or hold indefinite lengths or tags, which a record
/// never has (refused by a check that does not recurse, before decoding: nlohmann's CBOR reader recurses once
/// per container level and once per nested chunk of an indefinite-length string).
Json decoded(std::string_view bytes);

/// `value` as a signed 64-bit integer; false when it is not an integer or does not fit.
bool to_int64(const Json& value, std::int64_t& out);

/// Adds the accounting records and their tables (traffic_names ... provider_pool) to the record object.
void write_accounting(const RunResult& result, Json& record);
/// Reads them back into `result`, whose providers must already be read (records index them).
void read_accounting(const Field& record, RunResult& result);

}  // namespace delivsim::run_record
