#include "sim/scenario/replay_log.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/acctlog/accounting_reader.h"
#include "sim/kernel/stable_hash.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

/// A message's identity: its recipient's hash and its queue time.
struct MessageKey {
  std::uint64_t recipient_hash;
  std::int64_t time_ms;
  bool operator==(const MessageKey&) const = default;
};
struct MessageKeyHash {
  std::size_t operator()(const MessageKey& key) const {
    return static_cast<std::size_t>(key.recipient_hash ^
                                    (static_cast<std::uint64_t>(key.time_ms) * 0x9E3779B97F4A7C15ULL));
  }
};

/// A kept message before its time is made relative.
struct Pending {
  std::int64_t time_ms;
  std::int64_t line;
  std::uint32_t recipient;
  std::uint16_t domain;
};

[[noreturn]] void fail_rcpt(const acctlog::AccountingRecord& record, const std::string& problem) {
  throw acctlog::AccountingLogError(record.line, 1, "rcpt", problem);
}

}  // namespace

ReplayLog read_replay_log(std::istream& in, std::optional<std::int64_t> from_ms,
                          std::optional<std::int64_t> until_ms) {
  ReplayLog log;
  acctlog::AccountingReader reader(in);
  acctlog::AccountingRecord record;
  std::unordered_set<MessageKey, MessageKeyHash> seen;
  std::unordered_map<std::uint64_t, std::uint32_t> recipient_index;
  std::unordered_map<std::string, std::uint16_t> domain_index;
  std::vector<Pending> pending;
  while (reader.next(record)) {
    if (record.type != "d" && record.type != "b" && record.type != "t") continue;
    const std::int64_t time_ms = record.queued.value_or(record.logged);
    if ((from_ms && time_ms < *from_ms) || (until_ms && time_ms >= *until_ms)) continue;
    const std::size_t at = record.rcpt.rfind('@');
    if (at == std::string::npos || at == 0) {
      fail_rcpt(record, quote_value(record.rcpt) + " is not an address; expected <local>@<domain>");
    }
    const auto domain = normalized_domain_name(std::string_view(record.rcpt).substr(at + 1));
    if (!domain) {
      fail_rcpt(record,
                quote_value(record.rcpt) + " has no domain name after '@'; expected <local>@<domain>");
    }
    const std::uint64_t hash = kernel::fnv1a_64_folded(record.rcpt);
    if (!seen.insert({hash, time_ms}).second) continue;  // another attempt of a message already kept
    if (static_cast<std::int64_t>(pending.size()) >= kMaxReplayMessages) {
      throw acctlog::AccountingLogError(record.line, 1, "",
                                        "more than " + std::to_string(kMaxReplayMessages) +
                                            " messages to replay; select fewer with from/until");
    }
    if (!record.queued) {
      if (log.records_without_queued++ == 0) log.first_line_without_queued = record.line;
    }
    const std::uint32_t recipient =
        recipient_index.try_emplace(hash, static_cast<std::uint32_t>(recipient_index.size())).first->second;
    auto [entry, new_domain] =
        domain_index.try_emplace(*domain, static_cast<std::uint16_t>(log.domains.size()));
    if (new_domain) {
      if (static_cast<std::int64_t>(log.domains.size()) >= kMaxReplayDomains) {
        fail_rcpt(record, "more than " + std::to_string(kMaxReplayDomains) + " recipient domains");
      }
      log.domains.push_back({*domain, 0, record.line});
    }
    ++log.domains[entry->second].messages;
    pending.push_back({time_ms, record.line, recipient, entry->second});
  }
  log.recipients = static_cast<std::uint32_t>(recipient_index.size());
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Pending& a, const Pending& b) { return a.time_ms < b.time_ms; });
  if (pending.empty()) return log;
  const std::int64_t first_ms = pending.front().time_ms;
  log.last_line = pending.back().line;
  log.injections.reserve(pending.size());
  for (const Pending& p : pending)
    log.injections.push_back({Duration(p.time_ms - first_ms), p.recipient, p.domain});
  return log;
}

}  // namespace delivsim
