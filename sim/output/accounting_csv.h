#pragma once
/// @file accounting.csv: one line per delivery outcome, in PowerMTA's default accounting layout
/// (domain-facts section 6), so existing PowerMTA log tooling can read a simulated run.
#include <ostream>
#include <string>
#include <string_view>

#include "sim/output/run_result.h"

namespace delivsim {

/// PowerMTA's default accounting fields, in order; accounting.csv's header line.
inline constexpr std::string_view kAccountingHeader =
    "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,"
    "dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool";

/// The simulated recipient address of a record: "u<recipient>.<traffic name>@<recipient domain>", e.g.
/// "u42.newsletter@gmail.com". Unique per recipient within a traffic source and domain.
std::string simulated_recipient_address(const RunResult& result, const AccountingRecord& record);

/// The dsnAction of a record type: "relayed" ('d'), "delayed" ('t'), "failed" ('b'); throws
/// std::invalid_argument for any other type.
std::string_view dsn_action(char type);

/// PowerMTA's bounce category for a bounce of this kind: "bad-mailbox" (550 5.1.1), "spam-related"
/// (550 5.7.1), "policy-related" (550 5.7.26), "message-expired" (queue lifetime over), "other" otherwise.
std::string_view bounce_category(ReplyKind kind);

/// Writes kAccountingHeader and one RFC 4180 line per RunResult::accounting record. Times are ISO 8601 UTC
/// with milliseconds, RunResult::start_date plus the record's offset; dsnStatus is the enhanced code (the
/// second word of the reply text) and dsnDiag "smtp;" + the reply text; bounceCat is set for 'b' records
/// only; dlvDestinationIp is empty (not modelled); vmtaPool is the pool the message went through (its
/// provider's routed pool, RunResult::provider_pool, else its traffic's pool). Throws std::invalid_argument
/// for a bad start_date and std::out_of_range when a record's index points past its RunResult table.
void write_accounting_csv(const RunResult& result, std::ostream& out);

}  // namespace delivsim
