// libFuzzer target: what `delivsim log stats` reads. The input is an accounting log's text; every input must
// give figures or an AccountingLogError, in bounded time and memory.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/acctlog/log_stats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  delivsim::acctlog::AccountingReader reader(in);
  delivsim::acctlog::LogStats stats({}, {});
  delivsim::acctlog::AccountingRecord record;
  try {
    while (reader.next(record)) stats.add(record, reader.missing_optional_columns());
  } catch (const delivsim::acctlog::AccountingLogError&) {
    return 0;
  }
  const delivsim::acctlog::LogStatsResult result = stats.finish();
  for (const auto& domain : result.domains) {
    if (domain.latency.figures().count > domain.delivered) __builtin_trap();  // latency counts only d records
  }
  return 0;
}
