#include "sim/cli/log_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/acctlog/log_stats.h"
#include "sim/cli/log_stats_json.h"
#include "sim/cli/log_stats_text.h"
#include "sim/cli/option_checks.h"

namespace delivsim {

namespace {

struct LogStatsArgs {
  std::string file;
  bool json = false;
  std::string from, until;
};

/// The time an option gives, nullopt when it is not given; `ok` false (and a message on stderr) when it is
/// not a time.
std::optional<acctlog::UnixMs> option_time(const std::string& option, const std::string& text, bool& ok) {
  if (text.empty()) return std::nullopt;
  const std::optional<acctlog::UnixMs> time = acctlog::parse_log_time(text);
  if (!time) {
    std::cerr << "delivsim: log stats: " << option << ": \"" << text.substr(0, 64) << "\" is not "
              << acctlog::kLogTimeForms << "\n";
    ok = false;
  }
  return time;
}

int log_stats(const LogStatsArgs& args) {
  bool ok = true;
  const std::optional<acctlog::UnixMs> from = option_time("--from", args.from, ok);
  const std::optional<acctlog::UnixMs> until = option_time("--until", args.until, ok);
  if (!ok) return kExitBadInput;
  std::error_code error;
  if (std::filesystem::is_directory(args.file, error)) {
    std::cerr << "delivsim: log stats: " << args.file << " is a folder, not an accounting log\n";
    return kExitBadInput;
  }
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    std::cerr << "delivsim: log stats: cannot open " << args.file << "\n";
    return kExitBadInput;
  }
  acctlog::AccountingReader reader(in);
  acctlog::LogStats stats(from, until);
  acctlog::AccountingRecord record;
  try {
    while (reader.next(record)) stats.add(record, reader.missing_optional_columns());
  } catch (const acctlog::AccountingLogError& e) {
    std::cerr << e.located(args.file) << "\n";
    return kExitBadInput;
  }
  if (in.bad()) {
    std::cerr << "delivsim: log stats: reading " << args.file << " failed\n";
    return kExitBadInput;
  }
  const acctlog::LogStatsResult result = stats.finish();
  // Printed only once complete: a bad line anywhere leaves stdout empty.
  std::cout << (args.json ? log_stats_json(result, from, until) : log_stats_text(result));
  return kExitOk;
}

}  // namespace

CliCommand add_log_command(CLI::App& app) {
  auto args = std::make_shared<LogStatsArgs>();
  CLI::App* log =
      app.add_subcommand("log", "Read MTA accounting logs (PowerMTA CSV, or delivsim's accounting.csv)");
  log->require_subcommand(1);
  CLI::App* stats = log->add_subcommand(
      "stats",
      "Counts, deferrals and bounces by reply, delivery latency and hourly deferral-share alerts of an "
      "accounting log, as delivsim's summary.json defines them (see docs/log-stats.md)");
  stats->add_option("file", args->file, "The accounting log (CSV with a header line naming the columns)")
      ->required()
      ->type_name(kFileValue);
  stats->add_flag("--json", args->json, "Print JSON (schema in docs/log-stats.md) instead of tables");
  stats->add_option("--from", args->from,
                    "Count records logged at or after this time (2026-01-15T00:00:00Z, "
                    "2026-01-15 00:00:00-0500 or Unix seconds)");
  stats->add_option("--until", args->until, "Count records logged before this time (same forms)");
  stats->footer("Example: delivsim log stats acct.csv --from 2026-01-15T00:00:00Z");
  return {log, [args] { return log_stats(*args); }};
}

}  // namespace delivsim
