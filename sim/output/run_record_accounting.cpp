/// @file The accounting part of a run record (run_record.h): the records as parallel arrays, one per
/// AccountingRecord field, and the tables their indices point into.
#include <cstddef>
#include <cstdint>
#include <limits>

#include "sim/output/run_record.h"
#include "sim/output/run_record_detail.h"

namespace delivsim::run_record {

namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

/// One integer field of every record, as a JSON array.
template <typename Get>
Json integer_column(const std::vector<AccountingRecord>& records, Get get) {
  Json column = Json::array();
  auto& items = column.get_ref<Json::array_t&>();
  items.reserve(records.size());
  for (const AccountingRecord& record : records) items.emplace_back(get(record));
  return column;
}

/// One byte-sized field of every record, as a CBOR byte string.
template <typename Get>
Json byte_column(const std::vector<AccountingRecord>& records, Get get) {
  Json::binary_t::container_type bytes;
  bytes.reserve(records.size());
  for (const AccountingRecord& record : records) bytes.push_back(static_cast<std::uint8_t>(get(record)));
  return Json::binary(std::move(bytes));
}

/// The accounting arrays, each checked to hold one entry per record.
class Columns {
 public:
  explicit Columns(const Field& accounting)
      : accounting_(accounting), types_(accounting["type"].bytes()), size_(types_.size()) {}

  std::size_t size() const { return size_; }
  const Json::binary_t& types() const { return types_; }

  std::vector<std::int64_t> integers(std::string_view key, std::int64_t max = kInt64Max) const {
    const Field column = accounting_[key];
    std::vector<std::int64_t> values = column.integers(0, max);
    expect_size(column, values.size());
    return values;
  }

  /// Indices into a table of `table_size` entries named `table` (and at most `max`, their type's range).
  std::vector<std::int64_t> indices(std::string_view key, std::int64_t max, std::string_view table,
                                    std::size_t table_size) const {
    const Field column = accounting_[key];
    std::vector<std::int64_t> values = integers(key, max);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (static_cast<std::uint64_t>(values[i]) >= table_size) {
        column[i].fail("index " + std::to_string(values[i]) + " is past " + std::string(table) + " (" +
                       std::to_string(table_size) + " entries)");
      }
    }
    return values;
  }

  const Json::binary_t& bytes(std::string_view key) const {
    const Field column = accounting_[key];
    const Json::binary_t& values = column.bytes();
    expect_size(column, values.size());
    return values;
  }

 private:
  void expect_size(const Field& column, std::size_t size) const {
    if (size != size_) {
      column.fail(std::to_string(size) + " entries, expected " + std::to_string(size_) +
                  " (as accounting.type)");
    }
  }

  Field accounting_;
  const Json::binary_t& types_;
  std::size_t size_;
};

std::vector<AccountingRecord> records_of(const Field& accounting, const RunResult& result) {
  const Columns columns(accounting);
  constexpr std::int64_t kU16 = std::numeric_limits<std::uint16_t>::max();
  constexpr std::int64_t kU32 = std::numeric_limits<std::uint32_t>::max();
  const auto logged = columns.integers("logged_ms");
  const auto queued = columns.integers("queued_ms");
  const auto message_id = columns.integers("message_id");
  const auto recipient = columns.integers("recipient");
  const auto traffic = columns.indices("traffic", kU16, "traffic_names", result.traffic_names.size());
  const auto provider = columns.indices("provider", kU16, "providers", result.providers.size());
  const auto ip = columns.indices("ip", kU16, "ip_addresses", result.ip_addresses.size());
  const auto domain = columns.indices("domain", kU16, "recipient_domains", result.recipient_domains.size());
  const auto reply = columns.indices("reply", kU32, "reply_texts", result.reply_texts.size());
  const Json::binary_t& reply_kind = columns.bytes("reply_kind");

  std::vector<AccountingRecord> records(columns.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const char type = static_cast<char>(columns.types()[i]);
    if (type != 'd' && type != 'b' && type != 't') {
      throw RunRecordError(accounting["type"].element_path(i) + ": expected 'd', 'b' or 't'");
    }
    if (reply_kind[i] >= kReplyKindCount) {
      throw RunRecordError(accounting["reply_kind"].element_path(i) + ": " + std::to_string(reply_kind[i]) +
                           " is not a ReplyKind");
    }
    records[i] = {.type = type,
                  .logged = Duration(logged[i]),
                  .queued = Duration(queued[i]),
                  .message_id = message_id[i],
                  .recipient = recipient[i],
                  .traffic = static_cast<std::uint16_t>(traffic[i]),
                  .provider = static_cast<std::uint16_t>(provider[i]),
                  .ip = static_cast<std::uint16_t>(ip[i]),
                  .domain = static_cast<std::uint16_t>(domain[i]),
                  .reply = static_cast<std::uint32_t>(reply[i]),
                  .reply_kind = static_cast<ReplyKind>(reply_kind[i])};
  }
  return records;
}

}  // namespace

void write_accounting(const RunResult& result, Json& record) {
  const std::vector<AccountingRecord>& records = result.accounting;
  record["accounting"] = {
      {"type", byte_column(records, [](const AccountingRecord& r) { return r.type; })},
      {"logged_ms", integer_column(records, [](const AccountingRecord& r) { return r.logged.count(); })},
      {"queued_ms", integer_column(records, [](const AccountingRecord& r) { return r.queued.count(); })},
      {"message_id", integer_column(records, [](const AccountingRecord& r) { return r.message_id; })},
      {"recipient", integer_column(records, [](const AccountingRecord& r) { return r.recipient; })},
      {"traffic", integer_column(records, [](const AccountingRecord& r) { return r.traffic; })},
      {"provider", integer_column(records, [](const AccountingRecord& r) { return r.provider; })},
      {"ip", integer_column(records, [](const AccountingRecord& r) { return r.ip; })},
      {"domain", integer_column(records, [](const AccountingRecord& r) { return r.domain; })},
      {"reply", integer_column(records, [](const AccountingRecord& r) { return r.reply; })},
      {"reply_kind", byte_column(records, [](const AccountingRecord& r) { return r.reply_kind; })}};
  record["traffic_names"] = result.traffic_names;
  record["traffic_orig"] = result.traffic_orig;
  record["ip_addresses"] = result.ip_addresses;
  record["recipient_domains"] = result.recipient_domains;
  record["provider_mx"] = result.provider_mx;
  record["reply_texts"] = result.reply_texts;
  record["traffic_message_size"] = result.traffic_message_size;
  record["traffic_pool"] = result.traffic_pool;
  record["provider_pool"] = result.provider_pool;
}

void read_accounting(const Field& record, RunResult& result) {
  result.traffic_names = record["traffic_names"].strings();
  result.traffic_orig = record["traffic_orig"].strings();
  result.ip_addresses = record["ip_addresses"].strings();
  result.recipient_domains = record["recipient_domains"].strings();
  result.provider_mx = record["provider_mx"].strings();
  result.reply_texts = record["reply_texts"].strings();
  result.traffic_message_size = record["traffic_message_size"].integers(0, kInt64Max);
  result.traffic_pool = record["traffic_pool"].strings();
  result.provider_pool = record["provider_pool"].strings();
  result.accounting = records_of(record["accounting"], result);
}

}  // namespace delivsim::run_record
