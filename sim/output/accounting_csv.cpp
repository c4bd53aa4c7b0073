#include "sim/output/accounting_csv.h"

#include <stdexcept>
#include <vector>

#include "sim/output/csv_field.h"
#include "sim/output/utc_time.h"

namespace delivsim {

namespace {

constexpr std::string_view kSourceType = "api";
constexpr std::string_view kSourceMta = "delivsim";
constexpr std::string_view kDeliveryType = "smtp";
constexpr std::string_view kEsmtpExtensions = "PIPELINING,8BITMIME,SIZE,STARTTLS";

/// The second word of a one-line reply ("421 4.7.28 Our system ..." -> "4.7.28"); empty if there is none.
std::string enhanced_status(std::string_view reply_text) {
  const std::size_t first_space = reply_text.find(' ');
  if (first_space == std::string_view::npos) return "";
  const std::size_t start = first_space + 1;
  return std::string(reply_text.substr(start, reply_text.find(' ', start) - start));
}

std::string vmta_name(const std::string& ip_address) {
  return "vmta-" + ip_address;
}

/// The pool the record's message went through: its provider's routed pool, else its traffic's pool.
const std::string& vmta_pool(const RunResult& result, const AccountingRecord& record) {
  if (record.provider < result.provider_pool.size() && !result.provider_pool[record.provider].empty()) {
    return result.provider_pool[record.provider];
  }
  return result.traffic_pool.at(record.traffic);
}

std::vector<std::string> record_fields(const RunResult& result, const AccountingRecord& record,
                                       UtcTime start) {
  const std::string& reply_text = result.reply_texts.at(record.reply);
  const std::string& ip_address = result.ip_addresses.at(record.ip);
  const std::string rcpt = simulated_recipient_address(result, record);
  return {std::string(1, record.type),
          format_utc_timestamp_ms(start + record.logged),
          format_utc_timestamp_ms(start + record.queued),
          result.traffic_orig.at(record.traffic),
          rcpt,
          "rfc822;" + rcpt,
          std::string(dsn_action(record.type)),
          enhanced_status(reply_text),
          "smtp;" + reply_text,
          result.provider_mx.at(record.provider),
          record.type == 'b' ? std::string(bounce_category(record.reply_kind)) : "",
          std::string(kSourceType),
          std::string(kSourceMta),
          std::string(kDeliveryType),
          ip_address,
          "",
          std::string(kEsmtpExtensions),
          std::to_string(result.traffic_message_size.at(record.traffic)),
          vmta_name(ip_address),
          result.traffic_names.at(record.traffic),
          std::to_string(record.message_id),
          result.recipient_domains.at(record.domain) + "/" + vmta_name(ip_address),
          vmta_pool(result, record)};
}

}  // namespace

std::string simulated_recipient_address(const RunResult& result, const AccountingRecord& record) {
  return "u" + std::to_string(record.recipient) + "." + result.traffic_names.at(record.traffic) + "@" +
         result.recipient_domains.at(record.domain);
}

std::string_view dsn_action(char type) {
  switch (type) {
    case 'd':
      return "relayed";
    case 't':
      return "delayed";
    case 'b':
      return "failed";
  }
  throw std::invalid_argument(std::string("accounting record type '") + type + "' is not d, t or b");
}

std::string_view bounce_category(ReplyKind kind) {
  switch (kind) {
    case ReplyKind::UnknownUser:
      return "bad-mailbox";
    case ReplyKind::Blocked:
      return "spam-related";
    case ReplyKind::RejectedUnauthenticated:
    case ReplyKind::RejectedSpf:
    case ReplyKind::RejectedDkim:
    case ReplyKind::RejectedDmarc:
    case ReplyKind::RejectedTls:
      return "policy-related";
    case ReplyKind::Expired:
      return "message-expired";
    default:
      return "other";
  }
}

void write_accounting_csv(const RunResult& result, std::ostream& out) {
  const UtcTime start = parse_utc_timestamp(result.start_date);
  out << kAccountingHeader << '\n';
  for (const AccountingRecord& record : result.accounting)
    write_csv_line(out, record_fields(result, record, start));
}

}  // namespace delivsim
