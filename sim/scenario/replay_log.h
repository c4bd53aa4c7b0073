#pragma once
/// @file An accounting log read as traffic (`traffic[].replay`): the messages it records, when each was
/// queued and to whom, with every recipient address anonymised on read (hashed; the address is never kept).
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "models/units.h"

namespace delivsim {

/// The most messages a replayed log may hold (about 16 bytes each kept, plus the de-duplication set while
/// it is read): past it the log is refused rather than read into unbounded memory.
inline constexpr std::int64_t kMaxReplayMessages = 10'000'000;
/// The most distinct recipient domains a replayed log may name (a message keeps its domain in 16 bits).
inline constexpr std::int64_t kMaxReplayDomains = 60'000;

/// One replayed message.
struct ReplayInjection {
  Duration at{0};               ///< when it is injected, from the log's first selected message (ms)
  std::uint32_t recipient = 0;  ///< the anonymised recipient: index of its address hash, first-seen order
  std::uint16_t domain = 0;     ///< index into ReplayLog::domains
};

/// A recipient domain of the log.
struct ReplayDomain {
  std::string name;             ///< lower case
  std::int64_t messages = 0;    ///< selected messages to it
  std::int64_t first_line = 0;  ///< the log line of its first message (for messages about it)
};

/// What a replay keeps of its log.
struct ReplayLog {
  std::vector<ReplayInjection> injections;  ///< by time; log order among equal times
  std::vector<ReplayDomain> domains;        ///< in first-seen order
  std::uint32_t recipients = 0;             ///< distinct recipient addresses among the injections
  /// d/b/t records with no timeQueued: each is its own message, injected at its timeLogged.
  std::int64_t records_without_queued = 0;
  std::int64_t first_line_without_queued = 0;  ///< the first such record's line; 0 when none
  std::int64_t last_line = 0;                  ///< the line of the latest selected message (for messages)
};

/// Reads the messages of an accounting log (sim/acctlog's AccountingReader; d, b and t records; other types
/// are skipped). A message is a distinct (recipient, timeQueued) pair: the log has one record per attempt.
/// Its time is timeQueued (timeLogged when the record has none). Only messages with `from_ms` <= time <
/// `until_ms` (Unix ms, each optional) are kept; their times are made relative to the earliest kept one.
/// The recipient address is lower-cased and hashed (64-bit FNV-1a); recipients are numbered by first
/// appearance of their hash. Throws acctlog::AccountingLogError for a malformed log, a recipient that is not
/// "<local>@<domain>", more than kMaxReplayMessages messages or kMaxReplayDomains domains.
ReplayLog read_replay_log(std::istream& in, std::optional<std::int64_t> from_ms,
                          std::optional<std::int64_t> until_ms);

}  // namespace delivsim
